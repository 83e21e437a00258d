// Placeholder while the engine is assembled; replaced by the Database implementation.
#include "heliosdb/database.h"
