#include "dump/type_mapping.h"

namespace heliosdb::dump {

std::string PostgresType(const std::string& type) {
  return type;
}

std::string PostgresIndexMethod(const std::string& method) {
  return method;
}

}  // namespace heliosdb::dump
