// Boost.JSON, header-only: its definitions are compiled here, in this one file of the tool.
#include <boost/json/src.hpp>
