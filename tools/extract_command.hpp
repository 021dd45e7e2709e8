// `zhquant extract [--rules NAME] [FILE...]`: the records a rule set makes of each file.
#pragma once

namespace CLI {
class App;
}

void add_extract_command(CLI::App& app);
