#include "text_pool.h"

#include "vocabulary.h"

namespace tpch {

TextPool::TextPool(uint64_t seed, size_t size) {
  Random rng(seed, /*stream=*/0);
  pool_.reserve(size + 256);
  while (pool_.size() < size) AppendSentence(rng);
}

std::string_view TextPool::Text(Random& rng, int min_len, int max_len) const {
  size_t len = static_cast<size_t>(rng.Uniform(min_len, max_len));
  size_t start = static_cast<size_t>(rng.Uniform(0, static_cast<int64_t>(pool_.size() - len)));
  std::string_view text(pool_.data() + start, len);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// The sentence shapes of the spec's grammar, each ended by a terminator.
void TextPool::AppendSentence(Random& rng) {
  AppendNounPhrase(rng);
  switch (rng.Uniform(0, 4)) {
    case 0:
      AppendVerbPhrase(rng);
      break;
    case 1:  // noun phrase, verb phrase, prepositional phrase
      AppendVerbPhrase(rng);
      AppendWord(rng.Pick(kPrepositions));
      AppendWord("the");
      AppendNounPhrase(rng);
      break;
    case 2:  // noun phrase, verb phrase, noun phrase
      AppendVerbPhrase(rng);
      AppendNounPhrase(rng);
      break;
    case 3:  // noun phrase, prepositional phrase, verb phrase, noun phrase
      AppendWord(rng.Pick(kPrepositions));
      AppendWord("the");
      AppendNounPhrase(rng);
      AppendVerbPhrase(rng);
      AppendNounPhrase(rng);
      break;
    default:  // noun phrase, prepositional phrase, verb phrase, prepositional phrase
      AppendWord(rng.Pick(kPrepositions));
      AppendWord("the");
      AppendNounPhrase(rng);
      AppendVerbPhrase(rng);
      AppendWord(rng.Pick(kPrepositions));
      AppendWord("the");
      AppendNounPhrase(rng);
      break;
  }
  pool_ += rng.Pick(kTerminators);
}

void TextPool::AppendNounPhrase(Random& rng) {
  switch (rng.Uniform(0, 3)) {
    case 0:
      break;
    case 1:
      AppendWord(rng.Pick(kAdjectives));
      break;
    case 2:
      AppendWord(rng.Pick(kAdjectives));
      pool_ += ',';
      AppendWord(rng.Pick(kAdjectives));
      break;
    default:
      AppendWord(rng.Pick(kAdverbs));
      AppendWord(rng.Pick(kAdjectives));
      break;
  }
  AppendWord(rng.Pick(kNouns));
}

void TextPool::AppendVerbPhrase(Random& rng) {
  int shape = static_cast<int>(rng.Uniform(0, 3));
  if (shape == 1 || shape == 3) AppendWord(rng.Pick(kAuxiliaries));
  AppendWord(rng.Pick(kVerbs));
  if (shape >= 2) AppendWord(rng.Pick(kAdverbs));
}

void TextPool::AppendWord(const char* word) {
  if (!pool_.empty()) pool_ += ' ';
  pool_ += word;
}

}  // namespace tpch
