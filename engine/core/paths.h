// Where ecoshield finds its own data files (layers/, styles/): $ECOSHIELD_HOME if set, else the
// source tree it was built from, else ../share/ecoshield next to the executable.
#pragma once
#include <string>
#include <string_view>

namespace eco {

// Absolute path of `rel` (e.g. "layers/kinds/redline.json") under the first root that has it;
// the path under the source tree when none has it (so error messages name a real place).
std::string data_path(std::string_view rel);

}  // namespace eco
