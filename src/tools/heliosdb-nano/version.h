// The version the shell reports (the project version in CMakeLists.txt).
#pragma once

namespace heliosdb::shell {

inline constexpr const char* kHeliosVersion = "0.1.0";

}  // namespace heliosdb::shell
