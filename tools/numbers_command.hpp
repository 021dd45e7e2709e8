// `zhquant numbers [FILE...]`: every number in each file (standard input when none is given).
#pragma once

namespace CLI {
class App;
}

void add_numbers_command(CLI::App& app);
