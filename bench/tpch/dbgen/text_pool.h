// Comment text, made as the spec makes it (clause 4.2.2.10): one pool of random sentences from a
// small grammar is generated once, and each comment is a random substring of it. A comment
// then costs one copy, and words like "special" and "requests" appear at the rates that Q13's
// LIKE pattern expects from sentences rather than from independent words.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "random.h"

namespace tpch {

class TextPool {
 public:
  // Fills the pool with about size bytes of sentences drawn from seed.
  TextPool(uint64_t seed, size_t size);

  // A substring of length in [min_len, max_len] (less any spaces trimmed at its ends, so that
  // CSV readers that trim fields and those that do not load the same value).
  // REQUIRES: max_len is far below the pool size.
  std::string_view Text(Random& rng, int min_len, int max_len) const;

 private:
  void AppendSentence(Random& rng);
  void AppendNounPhrase(Random& rng);
  void AppendVerbPhrase(Random& rng);
  void AppendWord(const char* word);

  std::string pool_;
};

}  // namespace tpch
