// One translation unit of zhquant_compiled (CMakeLists.txt).  src.hpp, for users, compiles every
// part in one; here each part has its own, to keep each within issue 7's compile-time limits.
#include <zhquant/impl/number_rule.ipp>
