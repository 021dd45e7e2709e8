#include <zhquant/src.hpp>
