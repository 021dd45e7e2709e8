// `zhquant normalize [--map] [FILE...]`: the normalized text of each file (standard input when
// none), read block by block through the streaming normalizer, so memory stays bounded.
#pragma once

namespace CLI {
class App;
}

void add_normalize_command(CLI::App& app);
