#include "vocabulary.h"

namespace tpch {

const char* const kRegions[5] = {"AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"};

// The nation keys are the positions here; Q22's phone country codes are key + 10.
const Nation kNations[25] = {
    {"ALGERIA", 0},       {"ARGENTINA", 1}, {"BRAZIL", 1}, {"CANADA", 1},
    {"EGYPT", 4},         {"ETHIOPIA", 0},  {"FRANCE", 3}, {"GERMANY", 3},
    {"INDIA", 2},         {"INDONESIA", 2}, {"IRAN", 4},   {"IRAQ", 4},
    {"JAPAN", 2},         {"JORDAN", 4},    {"KENYA", 0},  {"MOROCCO", 0},
    {"MOZAMBIQUE", 0},    {"PERU", 1},      {"CHINA", 2},  {"ROMANIA", 3},
    {"SAUDI ARABIA", 4},  {"VIETNAM", 2},   {"RUSSIA", 3}, {"UNITED KINGDOM", 3},
    {"UNITED STATES", 1},
};

const char* const kTypeSyllable1[6] = {"STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO"};
const char* const kTypeSyllable2[5] = {"ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED"};
const char* const kTypeSyllable3[5] = {"TIN", "NICKEL", "BRASS", "STEEL", "COPPER"};
const char* const kContainerSyllable1[5] = {"SM", "LG", "MED", "JUMBO", "WRAP"};
const char* const kContainerSyllable2[8] = {"CASE", "BOX",  "BAG", "JAR",
                                            "PKG",  "PACK", "CAN", "DRUM"};

const char* const kSegments[5] = {"AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD"};
const char* const kPriorities[5] = {"1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW"};
const char* const kShipInstructions[4] = {"DELIVER IN PERSON", "COLLECT COD", "NONE",
                                          "TAKE BACK RETURN"};
const char* const kShipModes[7] = {"REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB"};

const char* const kColors[92] = {
    "almond",   "antique",   "aquamarine", "azure",      "beige",     "bisque",    "black",
    "blanched", "blue",      "blush",      "brown",      "burlywood", "burnished", "chartreuse",
    "chiffon",  "chocolate", "coral",      "cornflower", "cornsilk",  "cream",     "cyan",
    "dark",     "deep",      "dim",        "dodger",     "drab",      "firebrick", "floral",
    "forest",   "frosted",   "gainsboro",  "ghost",      "goldenrod", "green",     "grey",
    "honeydew", "hot",       "indian",     "ivory",      "khaki",     "lace",      "lavender",
    "lawn",     "lemon",     "light",      "lime",       "linen",     "magenta",   "maroon",
    "medium",   "metallic",  "midnight",   "mint",       "misty",     "moccasin",  "navajo",
    "navy",     "olive",     "orange",     "orchid",     "pale",      "papaya",    "peach",
    "peru",     "pink",      "plum",       "powder",     "puff",      "purple",    "red",
    "rose",     "rosy",      "royal",      "saddle",     "salmon",    "sandy",     "seashell",
    "sienna",   "sky",       "slate",      "smoke",      "snow",      "spring",    "steel",
    "tan",      "thistle",   "tomato",     "turquoise",  "violet",    "wheat",     "white",
    "yellow",
};

const char* const kNouns[32] = {
    "packages",    "requests",     "accounts",     "deposits",  "foxes",     "ideas",
    "theodolites", "instructions", "dependencies", "excuses",   "platelets", "asymptotes",
    "courts",      "dolphins",     "pinto beans",  "frets",     "patterns",  "warthogs",
    "sheaves",     "pearls",       "orbits",       "gifts",     "realms",    "decoys",
    "sentiments",  "dugouts",      "braids",       "escapades", "tithes",    "waters",
    "attainments", "multipliers",
};
const char* const kVerbs[32] = {
    "sleep", "wake",   "are",       "cajole",   "haggle", "nag",   "use",    "boost",
    "affix", "detect", "integrate", "maintain", "nod",    "was",   "lose",   "sublate",
    "solve", "thrash", "promise",   "engage",   "hinder", "print", "x-ray",  "breach",
    "eat",   "grow",   "impress",   "mold",     "poach",  "serve", "dazzle", "doze",
};
const char* const kAdjectives[29] = {
    "special", "pending", "unusual",  "express",   "furious",  "sly",  "careful", "blithe",
    "quick",   "fluffy",  "slow",     "quiet",     "ruthless", "thin", "close",   "dogged",
    "daring",  "brave",   "stealthy", "permanent", "enticing", "idle", "busy",    "regular",
    "final",   "ironic",  "even",     "bold",      "silent",
};
const char* const kAdverbs[28] = {
    "sometimes", "always",    "never",   "furiously",  "slyly",       "carefully",  "blithely",
    "quickly",   "fluffily",  "slowly",  "quietly",    "ruthlessly",  "thinly",     "closely",
    "doggedly",  "daringly",  "bravely", "stealthily", "permanently", "enticingly", "idly",
    "busily",    "regularly", "finally", "ironically", "evenly",      "boldly",     "silently",
};
const char* const kPrepositions[24] = {
    "about",  "above", "according to", "across", "after",  "against", "along",  "among",
    "around", "at",    "atop",         "before", "behind", "beneath", "beside", "between",
    "beyond", "by",    "despite",      "during", "from",   "into",    "near",   "upon",
};
const char* const kAuxiliaries[16] = {
    "do",     "may",      "might", "shall",        "will",    "would",  "can",     "could",
    "should", "ought to", "must",  "will have to", "need to", "try to", "have to", "are able to",
};
const char* const kTerminators[6] = {".", ";", ":", "?", "!", "--"};

}  // namespace tpch
