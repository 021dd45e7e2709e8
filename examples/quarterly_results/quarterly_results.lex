# Words the quarterly_results rule set reads beyond zhquant's built-in ones (format:
# zhquant/rules/lexicon.hpp).  An indicator starts after the last filler: 公司营业收入 -> 营业收入.
[fillers]
公司
本公司
报告期内
