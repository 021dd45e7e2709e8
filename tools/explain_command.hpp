// `zhquant explain SENTENCE`: how a rule set reads one sentence: its mentions, and at each place
// a record may start, the rule that matched or how far each rule got and what it expected there.
#pragma once

namespace CLI {
class App;
}

void add_explain_command(CLI::App& app);
