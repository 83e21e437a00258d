#include "generator.h"

#include <cmath>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <vector>

#include "csv_writer.h"
#include "vocabulary.h"

namespace tpch {

namespace {

// Days counted from 1992-01-01 (STARTDATE). Orders are placed up to ENDDATE - 151 days so that
// every line ships and is received by 1998-12-31; CURRENTDATE splits returned from open lines.
constexpr int kLastOrderDay = 2405;  // 1998-08-02
constexpr int kCurrentDay = 1263;    // 1995-06-17

// Independent random streams per table (Random's second argument); 0 is the text pool.
enum Stream : uint64_t {
  kRegionStream = 1,
  kNationStream,
  kSupplierStream,
  kPartStream,
  kPartSuppStream,
  kCustomerStream,
  kOrderStream,
  kLineStream
};

constexpr size_t kTextPoolBytes = 4 << 20;

// The spec's retail price: a function of the key, so lineitem can price a part without a lookup.
int64_t RetailPriceCents(int64_t part) {
  return 90000 + (part / 10) % 20001 + 100 * (part % 1000);
}

std::string KeyName(const char* prefix, int64_t key) {
  char buf[48];
  std::snprintf(buf, sizeof(buf), "%s%09lld", prefix, static_cast<long long>(key));
  return buf;
}

// Overwrites two words into a comment, the first before the second, as the spec plants
// "Customer ... Complaints" (Q16) and "Customer ... Recommends" into some supplier comments.
std::string Plant(std::string_view text, const char* first, const char* second, Random& rng) {
  std::string s(text);
  const size_t a = std::char_traits<char>::length(first);
  const size_t b = std::char_traits<char>::length(second);
  if (s.size() < a + b + 1) s.resize(a + b + 1, ' ');
  size_t pos1 = static_cast<size_t>(rng.Uniform(0, static_cast<int64_t>(s.size() - a - b - 1)));
  s.replace(pos1, a, first);
  size_t pos2 = static_cast<size_t>(
      rng.Uniform(static_cast<int64_t>(pos1 + a + 1), static_cast<int64_t>(s.size() - b)));
  s.replace(pos2, b, second);
  return s;
}

}  // namespace

ScaleCounts CountsFor(double sf) {
  ScaleCounts c;
  c.suppliers = std::llround(sf * 10000);
  c.parts = std::llround(sf * 200000);
  c.customers = std::llround(sf * 150000);
  c.orders = std::llround(sf * 1500000);
  c.clerks = std::max<int64_t>(1, std::llround(sf * 1000));
  // The partsupp formula steps by S/4 + (part-1)/S; the four suppliers of a part are distinct
  // only while no step is a multiple of S/2 or S/3 (true for every S above a few hundred).
  const int64_t s = c.suppliers;
  if (s < 8) throw std::invalid_argument("scale factor too small (fewer than 8 suppliers)");
  for (int64_t step = s / 4; step <= s / 4 + (c.parts - 1) / s; ++step) {
    std::set<int64_t> offsets;
    for (int i = 0; i < 4; ++i) offsets.insert(i * step % s);
    if (offsets.size() != 4)
      throw std::invalid_argument(
          "scale factor gives parts with repeated suppliers; use 0.01 "
          "or a multiple of it");
  }
  return c;
}

Generator::Generator(double sf, uint64_t seed)
    : counts_(CountsFor(sf)), seed_(seed), text_(seed, kTextPoolBytes) {}

std::string Generator::WriteAll(const std::string& dir) {
  summary_.clear();
  WriteRegion(dir + "/region.csv");
  WriteNation(dir + "/nation.csv");
  WriteSupplier(dir + "/supplier.csv");
  WritePart(dir + "/part.csv");
  WritePartSupp(dir + "/partsupp.csv");
  WriteCustomer(dir + "/customer.csv");
  WriteOrdersAndLineitems(dir + "/orders.csv", dir + "/lineitem.csv");
  return summary_;
}

int64_t Generator::SupplierOfPart(int64_t part, int i) const {
  const int64_t s = counts_.suppliers;
  return (part + i * (s / 4 + (part - 1) / s)) % s + 1;
}

std::string Generator::Phone(Random& rng, int nation) const {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%02d-%03d-%03d-%04d", nation + 10,
                static_cast<int>(rng.Uniform(100, 999)), static_cast<int>(rng.Uniform(100, 999)),
                static_cast<int>(rng.Uniform(1000, 9999)));
  return buf;
}

std::string Generator::AlphaNumeric(Random& rng, int min_len, int max_len) const {
  static const char kChars[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,.";
  std::string s(static_cast<size_t>(rng.Uniform(min_len, max_len)), ' ');
  for (char& c : s) c = kChars[rng.Next() % (sizeof(kChars) - 1)];
  return s;
}

void Generator::WriteRegion(const std::string& path) {
  Random rng(seed_, kRegionStream);
  CsvWriter out(path);
  for (int r = 0; r < 5; ++r) {
    out.Int(r).Text(kRegions[r]).Text(text_.Text(rng, 31, 115)).EndRow();
  }
  out.Close();
}

void Generator::WriteNation(const std::string& path) {
  Random rng(seed_, kNationStream);
  CsvWriter out(path);
  for (int n = 0; n < 25; ++n) {
    out.Int(n).Text(kNations[n].name).Int(kNations[n].region);
    out.Text(text_.Text(rng, 31, 114)).EndRow();
  }
  out.Close();
}

void Generator::WriteSupplier(const std::string& path) {
  Random rng(seed_, kSupplierStream);
  // SF * 5 suppliers complain and SF * 5 recommend (at least one each, so Q16's NOT IN has
  // something to exclude at small scale factors).
  const int64_t planted = std::max<int64_t>(1, counts_.suppliers / 2000);
  std::vector<char> plant(static_cast<size_t>(counts_.suppliers + 1), 0);
  for (char kind = 1; kind <= 2; ++kind) {
    for (int64_t done = 0; done < planted;) {
      int64_t key = rng.Uniform(1, counts_.suppliers);
      if (plant[key] == 0) plant[key] = kind, ++done;
    }
  }
  CsvWriter out(path);
  for (int64_t key = 1; key <= counts_.suppliers; ++key) {
    int nation = static_cast<int>(rng.Uniform(0, 24));
    out.Int(key).Text(KeyName("Supplier#", key)).Text(AlphaNumeric(rng, 10, 40)).Int(nation);
    out.Text(Phone(rng, nation)).Money(rng.Uniform(-99999, 999999));
    std::string_view comment = text_.Text(rng, 25, 100);
    if (plant[key] == 1) {
      out.Text(Plant(comment, "Customer", "Complaints", rng));
    } else if (plant[key] == 2) {
      out.Text(Plant(comment, "Customer", "Recommends", rng));
    } else {
      out.Text(comment);
    }
    out.EndRow();
  }
  out.Close();
  summary_ += "supplier " + std::to_string(out.rows());
}

void Generator::WritePart(const std::string& path) {
  Random rng(seed_, kPartStream);
  CsvWriter out(path);
  for (int64_t key = 1; key <= counts_.parts; ++key) {
    int colors[5];
    for (int i = 0; i < 5; ++i) {
      bool repeated;
      do {
        colors[i] = static_cast<int>(rng.Uniform(0, 91));
        repeated = false;
        for (int j = 0; j < i; ++j) repeated |= colors[j] == colors[i];
      } while (repeated);
    }
    std::string name = kColors[colors[0]];
    for (int i = 1; i < 5; ++i) name.append(" ").append(kColors[colors[i]]);
    int mfgr = static_cast<int>(rng.Uniform(1, 5));
    int brand = mfgr * 10 + static_cast<int>(rng.Uniform(1, 5));
    std::string type = std::string(rng.Pick(kTypeSyllable1)) + " " + rng.Pick(kTypeSyllable2) +
                       " " + rng.Pick(kTypeSyllable3);
    int size = static_cast<int>(rng.Uniform(1, 50));
    std::string container =
        std::string(rng.Pick(kContainerSyllable1)) + " " + rng.Pick(kContainerSyllable2);
    out.Int(key).Text(name).Text("Manufacturer#" + std::to_string(mfgr));
    out.Text("Brand#" + std::to_string(brand)).Text(type).Int(size).Text(container);
    out.Money(RetailPriceCents(key)).Text(text_.Text(rng, 5, 22)).EndRow();
  }
  out.Close();
  summary_ += ", part " + std::to_string(out.rows());
}

void Generator::WritePartSupp(const std::string& path) {
  Random rng(seed_, kPartSuppStream);
  CsvWriter out(path);
  for (int64_t part = 1; part <= counts_.parts; ++part) {
    for (int i = 0; i < 4; ++i) {
      out.Int(part).Int(SupplierOfPart(part, i)).Int(rng.Uniform(1, 9999));
      out.Money(rng.Uniform(100, 100000)).Text(text_.Text(rng, 49, 198)).EndRow();
    }
  }
  out.Close();
  summary_ += ", partsupp " + std::to_string(out.rows());
}

void Generator::WriteCustomer(const std::string& path) {
  Random rng(seed_, kCustomerStream);
  CsvWriter out(path);
  for (int64_t key = 1; key <= counts_.customers; ++key) {
    int nation = static_cast<int>(rng.Uniform(0, 24));
    out.Int(key).Text(KeyName("Customer#", key)).Text(AlphaNumeric(rng, 10, 40)).Int(nation);
    out.Text(Phone(rng, nation)).Money(rng.Uniform(-99999, 999999)).Text(rng.Pick(kSegments));
    out.Text(text_.Text(rng, 29, 116)).EndRow();
  }
  out.Close();
  summary_ += ", customer " + std::to_string(out.rows());
}

void Generator::WriteOrdersAndLineitems(const std::string& orders_path,
                                        const std::string& lineitem_path) {
  Random order_rng(seed_, kOrderStream);
  Random line_rng(seed_, kLineStream);
  CsvWriter orders(orders_path);
  CsvWriter lines(lineitem_path);
  for (int64_t n = 0; n < counts_.orders; ++n) {
    // Keys are sparse as in the spec: the first 8 of every 32 are used.
    const int64_t key = n / 8 * 32 + n % 8 + 1;
    // A third of the customers (keys divisible by 3) never order, which Q13 and Q22 count.
    int64_t customer;
    do {
      customer = order_rng.Uniform(1, counts_.customers);
    } while (customer % 3 == 0);
    const int order_day = static_cast<int>(order_rng.Uniform(0, kLastOrderDay));
    const int line_count = static_cast<int>(line_rng.Uniform(1, 7));
    int64_t total_cents = 0;
    int shipped = 0;
    for (int line = 1; line <= line_count; ++line) {
      const int64_t part = line_rng.Uniform(1, counts_.parts);
      const int64_t supplier = SupplierOfPart(part, static_cast<int>(line_rng.Uniform(0, 3)));
      const int64_t quantity = line_rng.Uniform(1, 50);
      const int64_t price = quantity * RetailPriceCents(part);
      const int64_t discount = line_rng.Uniform(0, 10);  // hundredths
      const int64_t tax = line_rng.Uniform(0, 8);        // hundredths
      const int ship_day = order_day + static_cast<int>(line_rng.Uniform(1, 121));
      const int commit_day = order_day + static_cast<int>(line_rng.Uniform(30, 90));
      const int receipt_day = ship_day + static_cast<int>(line_rng.Uniform(1, 30));
      const char* return_flag =
          receipt_day <= kCurrentDay ? (line_rng.Uniform(0, 1) ? "R" : "A") : "N";
      const bool open = ship_day > kCurrentDay;
      shipped += open ? 0 : 1;
      total_cents += (price * (100 - discount) * (100 + tax) + 5000) / 10000;
      lines.Int(key).Int(part).Int(supplier).Int(line).Int(quantity).Money(price);
      lines.Money(discount).Money(tax).Text(return_flag).Text(open ? "O" : "F");
      lines.Date(ship_day).Date(commit_day).Date(receipt_day);
      lines.Text(line_rng.Pick(kShipInstructions)).Text(line_rng.Pick(kShipModes));
      lines.Text(text_.Text(line_rng, 10, 43)).EndRow();
    }
    const char* status = shipped == line_count ? "F" : shipped == 0 ? "O" : "P";
    orders.Int(key).Int(customer).Text(status).Money(total_cents).Date(order_day);
    orders.Text(order_rng.Pick(kPriorities));
    orders.Text(KeyName("Clerk#", order_rng.Uniform(1, counts_.clerks))).Int(0);
    orders.Text(text_.Text(order_rng, 19, 78)).EndRow();
  }
  orders.Close();
  lines.Close();
  summary_ += ", orders " + std::to_string(orders.rows());
  summary_ += ", lineitem " + std::to_string(lines.rows());
}

}  // namespace tpch
