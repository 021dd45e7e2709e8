// Compatibility normalization (NFKC, through ICU), applied only to the characters that need it and
// only where it helps reading numbers.
//
//     std::string out;
//     std::vector<zhquant::detail::nfkc_edit> edits;
//     zhquant::detail::selective_nfkc::get().normalize("１３２０６．７", out, edits);  // out == "13206.7"
//
// About 3 % of the code points in these reports need NFKC (full-width digits, letters and signs,
// compatibility ideographs, Kangxi radicals that PDF extraction produces instead of real characters).
// The caller checks each character with needs_normalization() (ASCII and Han answer without ICU) and
// sends only the segments that need it to ICU's normalizeUTF8, whose icu::Edits say which bytes
// became which.
//
// Some characters are excluded from NFKC, deliberately:
// - The CJK punctuation the grammars and the PDF repair rely on stays as it is: ，。、；：！？（）“”
//   (NFKC would turn ， into "," and ： into ":", changing what a clause separator looks like), and
//   … ‥ (NFKC would make them "..." and "..").
// - Characters that NFKC would turn into digits that are not digits in the text: ① → "1",
//   ⑴ → "(1)", ⒈ → "1.", ² → "2", ½ → "1⁄2", ㎡ → "m2", and the enclosed forms U+2460..24FF,
//   U+2776..2793, U+3200..32FF, U+1F100..1F2FF (㈠ → "(一)", ㊀ → "一").  List markers and
//   superscripts must not become quantities.  Decimal digits in other forms (１, 𝟏) do normalize.
// - Spacing accents that NFKC would make a space and a combining mark (¨ → " ̈", ´, ¯, ˘): the
//   whitespace rules run before NFKC, so such a space would escape them (found by fuzzing).
#pragma once

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace zhquant::detail {

// One step of a normalized segment: `original_length` bytes became `normalized_length` bytes.
struct nfkc_edit {
    bool changed = false;
    std::uint32_t original_length = 0;
    std::uint32_t normalized_length = 0;
};

class selective_nfkc {
public:
    // The shared instance, built on first use (thread-safe; immutable afterwards).
    static selective_nfkc const& get() {
        static selective_nfkc const instance;
        return instance;
    }

    // False when ICU's NFKC data could not be loaded; then nothing is normalized.
    bool available() const noexcept { return filtered_ != nullptr; }

    // Left as it is although NFKC would change it (see the list above).
    bool excluded(char32_t c) const noexcept { return excluded_.contains(static_cast<UChar32>(c)); }

    // Whether `c` is changed by (selective) NFKC on its own.
    bool needs_normalization(char32_t c) const noexcept {
        if (c < 0xA0 || (c >= 0x3400 && c <= 0x9FFF) || !available()) return false;
        if (u_getIntPropertyValue(static_cast<UChar32>(c), UCHAR_NFKC_QUICK_CHECK) == UNORM_YES) return false;
        return !excluded(c);
    }

    // Whether a normalization segment starts at `c`: nothing before it can combine with it.
    bool has_boundary_before(char32_t c) const noexcept {
        if (c < 0x300 || (c >= 0x3400 && c <= 0x9FFF) || !available()) return true;
        return filtered_->hasBoundaryBefore(static_cast<UChar32>(c));
    }

    // Appends the normalized `segment` to `out` and its edits (fine grained) to `edits`.  On an ICU
    // failure appends `segment` unchanged and returns false.
    bool normalize(std::string_view segment, std::string& out, std::vector<nfkc_edit>& edits) const {
        std::size_t const out_size = out.size();
        if (available()) {
            UErrorCode status = U_ZERO_ERROR;
            icu::StringByteSink<std::string> sink(&out);
            icu::Edits changes;
            filtered_->normalizeUTF8(0, icu::StringPiece(segment.data(), static_cast<int32_t>(segment.size())), sink,
                                     &changes, status);
            std::size_t const edits_size = edits.size();
            if (U_SUCCESS(status)) {
                for (auto it = changes.getFineIterator(); it.next(status);)
                    edits.push_back({static_cast<bool>(it.hasChange()), static_cast<std::uint32_t>(it.oldLength()),
                                     static_cast<std::uint32_t>(it.newLength())});
            }
            if (U_SUCCESS(status)) return true;
            out.resize(out_size);
            edits.resize(edits_size);
        }
        out.append(segment);
        edits.push_back({false, static_cast<std::uint32_t>(segment.size()), static_cast<std::uint32_t>(segment.size())});
        return false;
    }

private:
    selective_nfkc() {
        UErrorCode status = U_ZERO_ERROR;
        icu::Normalizer2 const* nfkc = icu::Normalizer2::getNFKCInstance(status);
        if (U_FAILURE(status) || nfkc == nullptr) return;
        excluded_.applyPattern(icu::UnicodeString::fromUTF8(
                                   "[，。、；：！？（）“”…‥"
                                   "\\u2460-\\u24FF\\u2776-\\u2793\\u3200-\\u32FF\\U0001F100-\\U0001F2FF]"),
                               status);
        // Every character that NFKC would turn into ASCII digits without being a digit itself, and
        // every one it would turn into a space and more (¨ -> " \u0308"): whitespace is settled
        // before NFKC, so a space made by it would escape the PDF repair.
        icu::UnicodeSet changed(icu::UnicodeString("[:NFKC_Quick_Check=No:]", -1, US_INV), status);
        if (U_FAILURE(status)) return;
        icu::UnicodeString mapping;
        for (int32_t r = 0; r < changed.getRangeCount(); ++r) {
            for (UChar32 c = changed.getRangeStart(r); c <= changed.getRangeEnd(r); ++c) {
                if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER || !nfkc->getDecomposition(c, mapping)) continue;
                for (int32_t i = 0; i < mapping.length(); ++i) {
                    if ((mapping[i] >= u'0' && mapping[i] <= u'9') || mapping[i] == u' ') {
                        excluded_.add(c);
                        break;
                    }
                }
            }
        }
        filter_ = excluded_;
        filter_.complement();
        filter_.freeze();
        excluded_.freeze();
        filtered_ = std::make_unique<icu::FilteredNormalizer2>(*nfkc, filter_);
    }

    icu::UnicodeSet excluded_;
    icu::UnicodeSet filter_;
    std::unique_ptr<icu::FilteredNormalizer2> filtered_;
};

}  // namespace zhquant::detail
