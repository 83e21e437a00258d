#include "table_files.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace tpch {

const char* const kTables[8] = {"region", "nation",   "supplier", "customer",
                                "part",   "partsupp", "orders",   "lineitem"};

void ForEachCsvRow(const std::string& path,
                   const std::function<void(const std::vector<std::string_view>&)>& on_row) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) throw std::runtime_error("cannot read " + path);
  // Lines are parsed in place in a large buffer; a partial last line moves to its front.
  std::string buffer(1 << 20, '\0');
  size_t filled = 0;
  std::vector<std::string_view> fields;
  for (;;) {
    size_t got = std::fread(buffer.data() + filled, 1, buffer.size() - filled, file.get());
    filled += got;
    size_t start = 0;
    for (size_t nl;
         (nl = std::string_view(buffer.data(), filled).find('\n', start)) != std::string_view::npos;
         start = nl + 1) {
      std::string_view line(buffer.data() + start, nl - start);
      fields.clear();
      for (size_t bar; (bar = line.find('|')) != std::string_view::npos;
           line.remove_prefix(bar + 1))
        fields.push_back(line.substr(0, bar));
      fields.push_back(line);
      on_row(fields);
    }
    if (got == 0) {
      if (start < filled) throw std::runtime_error(path + ": last line has no newline");
      return;
    }
    filled -= start;
    std::memmove(buffer.data(), buffer.data() + start, filled);
    if (filled == buffer.size()) buffer.resize(buffer.size() * 2);
  }
}

}  // namespace tpch
