// `zhquant mentions [FILE...]`: every numeric mention of each file (standard input when none).
#pragma once

namespace CLI {
class App;
}

void add_mentions_command(CLI::App& app);
