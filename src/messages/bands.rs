//! Messages about rating bands: their thresholds, the band a line states,
//! and the published counts of units per band, each checked against what
//! chiso derives from the table.

messages! {
    band_two_thresholds(band: &str, first: &str, second: &str) {
        vi: "mức `{band}` có cả `{first}` lẫn `{second}`: mỗi mức chỉ có một ngưỡng",
        en: "band `{band}` has both `{first}` and `{second}`: a band has one threshold",
    }
    hint_one_threshold() {
        vi: "dùng `min` cho “từ 90%” (điểm ≥ 90), `above` cho “trên 90%” (điểm > 90), hoặc `max_rank` cho “tốp 10” (hạng ≤ 10); không ghi ngưỡng nào nếu mức chỉ được công bố theo từng dòng",
        en: "use `min` for “từ 90%” (score ≥ 90), `above` for “trên 90%” (score > 90), or `max_rank` for “top 10” (rank ≤ 10); give none for a band only stated line by line",
    }
    band_max_rank_zero(band: &str) {
        vi: "mức `{band}` có `max_rank = 0`: thứ hạng bắt đầu từ 1",
        en: "band `{band}` has `max_rank = 0`: ranks start at 1",
    }
    hint_max_rank() {
        vi: "ghi thứ hạng thấp nhất còn thuộc mức này, ví dụ `max_rank = 10` cho “tốp 10”",
        en: "give the last rank within the band, e.g. `max_rank = 10` for “top 10”",
    }
    band_without_score(unit: &str, band: &str, scored: usize) {
        vi: "`{unit}` chỉ ghi mức `{band}`, không có điểm, trong khi {scored} dòng khác của bảng có điểm và các mức được xét theo điểm: đơn vị này bị bỏ ra khỏi thứ hạng và điểm bình quân",
        en: "`{unit}` states only its band `{band}`, with no score, while {scored} other lines of the table have one and the bands follow from the score: the unit is left out of the ranking and the average",
    }
    hint_band_without_score() {
        vi: "ghi điểm của đơn vị (ô điểm để trống khi chép bảng?); nếu văn bản chỉ xếp loại đơn vị này mà không chấm điểm, giữ nguyên",
        en: "write the unit's score (a blank cell in the copy?); if the document rates this unit without scoring it, keep it as it is",
    }
    band_threshold_off_scale(band: &str, key: &str, value: &str, from: &str, to: &str) {
        vi: "mức `{band}` có `{key} = {value}`, ngoài thang điểm của chỉ số ({from}–{to}): không điểm nào xếp đúng vào mức này",
        en: "band `{band}` has `{key} = {value}`, outside the index's scale ({from}–{to}): no score is rated in this band as it should be",
    }
    hint_band_threshold_off_scale() {
        vi: "kiểm tra ngưỡng với quyết định xếp loại (gõ thừa một chữ số, như 700 cho 70?); nếu thang điểm của chỉ số khác, sửa `scale` của chỉ số",
        en: "check the threshold against the rating decision (a digit too many, 700 for 70?); if the index's scale is another, fix the index's `scale`",
    }
    band_out_of_order(band: &str, threshold: &str, previous: &str, previous_threshold: &str) {
        vi: "mức `{band}` (`{threshold}`) nằm sau mức `{previous}` (`{previous_threshold}`) nhưng ngưỡng không theo cùng thứ tự với các mức khác: mỗi đơn vị nhận mức có ngưỡng cao nhất mà nó đạt, nên một ngưỡng gõ nhầm sẽ xếp loại lại mọi đơn vị",
        en: "band `{band}` (`{threshold}`) comes after band `{previous}` (`{previous_threshold}`) but its threshold is out of the order of the others: each unit takes the highest threshold it reaches, so a mistyped one re-rates every unit",
    }
    hint_band_out_of_order() {
        vi: "kiểm tra ngưỡng này với quyết định xếp loại; các mức được khai báo theo một thứ tự, từ cao xuống thấp (hoặc từ thấp lên cao), và không có hai mức cùng ngưỡng",
        en: "check this threshold against the rating decision; bands are listed in one order, best first (or worst first), and no two share a threshold",
    }
    bands_mix_score_and_rank(band: &str) {
        vi: "mức `{band}` xét theo thứ hạng, trong khi mức khác của cùng danh sách xét theo điểm",
        en: "band `{band}` is by rank, while another band of the same list is by score",
    }
    hint_bands_one_kind() {
        vi: "mỗi danh sách mức xếp loại chỉ xét theo điểm (`min`, `above`) hoặc chỉ theo thứ hạng (`max_rank`); hai cách xếp loại khác nhau cần hai chỉ số hoặc hai bảng",
        en: "a list of bands is either by score (`min`, `above`) or by rank (`max_rank`); two different classifications need two indices or tables",
    }
    score_band_lower_is_better(band: &str, key: &str) {
        vi: "mức `{band}` xét theo điểm (`{key}`: từ ngưỡng trở lên), nhưng chỉ số này có `higher_is_better = false` (điểm thấp hơn là tốt hơn): mức sẽ rơi vào các đơn vị kém nhất",
        en: "band `{band}` is by score (`{key}`: at or above the threshold), but this index has `higher_is_better = false` (lower is better): the band would go to the worst units",
    }
    hint_bands_lower_is_better() {
        vi: "với chỉ số mà điểm thấp hơn là tốt hơn, xếp loại theo thứ hạng (`max_rank`), hoặc ghi mức đã công bố ở từng dòng (`band = \"…\"`, mức không có ngưỡng)",
        en: "for an index where lower is better, band by rank (`max_rank`), or state each line's published band (`band = \"…\"`, a band without a threshold)",
    }
    band_twice(band: &str) {
        vi: "mức xếp loại `{band}` được khai báo hai lần trong cùng danh sách",
        en: "band `{band}` is defined twice in the same list",
    }
    invalid_band_id(band: &str, suggestion: &str) {
        vi: "mã mức xếp loại `{band}` không hợp lệ; có thể dùng `{suggestion}`",
        en: "band id `{band}` is not valid; `{suggestion}` would be",
    }
    hint_band_id_form() {
        vi: "mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang",
        en: "an id has only lowercase ASCII letters, digits and hyphens",
    }
    undefined_band(band: &str) {
        vi: "mức xếp loại `{band}` chưa được khai báo cho bảng này",
        en: "band `{band}` is not defined for this table",
    }
    hint_bands_defined(list: &str) {
        vi: "các mức của bảng này: {list} (khai báo bằng `[[index.band]]` trong data/indices, hoặc `[[band]]` trong chính tệp kết quả)",
        en: "this table's bands: {list} (defined by `[[index.band]]` in data/indices, or `[[band]]` in the results file itself)",
    }
    hint_no_bands() {
        vi: "bảng này chưa có mức xếp loại nào: khai báo `[[index.band]]` trong data/indices, hoặc `[[band]]` trong tệp kết quả",
        en: "this table has no bands: define `[[index.band]]` in data/indices, or `[[band]]` in the results file",
    }
    stated_band_differs(unit: &str, stated: &str, basis: &str, derived: &str) {
        vi: "`{unit}` được ghi thuộc mức `{stated}`, nhưng với {basis} thì thuộc mức `{derived}`",
        en: "`{unit}` is stated to be in band `{stated}`, but {basis} puts it in band `{derived}`",
    }
    stated_band_unreached(unit: &str, stated: &str, basis: &str) {
        vi: "`{unit}` được ghi thuộc mức `{stated}`, nhưng với {basis} thì không đạt mức nào",
        en: "`{unit}` is stated to be in band `{stated}`, but {basis} reaches no band",
    }
    #[allow(clippy::too_many_arguments)]
    stated_band_above(unit: &str, score: &str, band: &str, other: &str, other_score: &str, other_line: usize, other_band: &str, more: &str) {
        vi: "`{unit}` (điểm {score}) được ghi mức `{band}`, cao hơn mức `{other_band}` của `{other}` (điểm {other_score}, dòng {other_line}){more}: các mức được khai báo từ cao xuống thấp, nên điểm thấp hơn không thể ở mức cao hơn",
        en: "`{unit}` (score {score}) is stated to be in band `{band}`, above the band `{other_band}` of `{other}` (score {other_score}, line {other_line}){more}: the bands are defined best first, so a lower score cannot be in a better band",
    }
    #[allow(clippy::too_many_arguments)]
    stated_band_below(unit: &str, score: &str, band: &str, other: &str, other_score: &str, other_line: usize, other_band: &str, more: &str) {
        vi: "`{unit}` (điểm {score}) được ghi mức `{band}`, thấp hơn mức `{other_band}` của `{other}` (điểm {other_score}, dòng {other_line}){more}: các mức được khai báo từ cao xuống thấp, nên điểm cao hơn không thể ở mức thấp hơn",
        en: "`{unit}` (score {score}) is stated to be in band `{band}`, below the band `{other_band}` of `{other}` (score {other_score}, line {other_line}){more}: the bands are defined best first, so a higher score cannot be in a worse band",
    }
    one_more_scoring_higher() {
        vi: " và của 1 dòng khác có điểm cao hơn",
        en: " and of 1 other line scoring higher",
    }
    more_scoring_higher(n: usize) {
        vi: " và của {n} dòng khác có điểm cao hơn",
        en: " and of {n} other lines scoring higher",
    }
    one_more_scoring_lower() {
        vi: " và của 1 dòng khác có điểm thấp hơn",
        en: " and of 1 other line scoring lower",
    }
    more_scoring_lower(n: usize) {
        vi: " và của {n} dòng khác có điểm thấp hơn",
        en: " and of {n} other lines scoring lower",
    }
    hint_stated_band_order() {
        vi: "các dòng không bị báo lỗi này theo đúng thứ tự với nhau, nên kiểm tra mức của dòng này trước (rồi đến dòng được nêu) với văn bản công bố; nếu văn bản đúng là ghi như vậy, thêm `band_disputed = \"lý do\"` vào dòng này",
        en: "the lines without this error are in order with each other, so check this line's band first (then the line named) against the publication; if it really says so, add `band_disputed = \"why\"` to this line",
    }
    basis_score(score: &str) {
        vi: "điểm {score}",
        en: "its score of {score}",
    }
    basis_rank(rank: u32) {
        vi: "thứ hạng {rank}",
        en: "its rank of {rank}",
    }
    hint_band_is_derived() {
        vi: "kiểm tra điểm, thứ hạng và ngưỡng của các mức; nếu tài liệu công bố đúng là như vậy, giữ nguyên và thêm `band_disputed = \"lý do\"` vào dòng này",
        en: "check the score, the rank and the bands' thresholds; if the publication really says so, keep it and add `band_disputed = \"why\"` to this line",
    }
    band_disputed_agrees(unit: &str) {
        vi: "`band_disputed` của `{unit}`: mức đã ghi trùng với mức tính được, không có gì để ghi chú",
        en: "`band_disputed` of `{unit}`: the stated band agrees with the derived one, there is nothing to dispute",
    }
    band_disputed_without_band(unit: &str) {
        vi: "`{unit}` có `band_disputed` nhưng không ghi `band`",
        en: "`{unit}` has `band_disputed` but no `band`",
    }
    hint_band_disputed() {
        vi: "`band_disputed` giải thích vì sao giữ mức đã công bố (`band`) khác với mức tính được; ghi thêm `band`, hoặc xóa `band_disputed`",
        en: "`band_disputed` says why a published `band` differing from the derived one is kept; add the `band`, or remove `band_disputed`",
    }
    band_count_counts_nothing() {
        vi: "`band_count` không nói đếm gì: cần đúng một trong `band`, `min` hoặc `above`",
        en: "`band_count` does not say what it counts: give exactly one of `band`, `min` or `above`",
    }
    band_count_counts_two(first: &str, second: &str) {
        vi: "`band_count` có cả `{first}` lẫn `{second}`: mỗi số liệu chỉ đếm một thứ",
        en: "`band_count` has both `{first}` and `{second}`: a count counts one thing",
    }
    hint_band_count_what() {
        vi: "`band = \"a\"` đếm số đơn vị thuộc mức `a`; `min = 90` đếm số đơn vị đạt từ 90 trở lên; `above = 90` đếm số đơn vị đạt trên 90",
        en: "`band = \"a\"` counts the units in band `a`; `min = 90` counts those scoring 90 or more; `above = 90` those scoring above 90",
    }
    counted_band(band: &str) {
        vi: "số đơn vị thuộc mức `{band}`",
        en: "the number of units in band `{band}`",
    }
    counted_min(threshold: &str) {
        vi: "số đơn vị đạt từ {threshold} trở lên",
        en: "the number of units scoring {threshold} or more",
    }
    counted_above(threshold: &str) {
        vi: "số đơn vị đạt trên {threshold}",
        en: "the number of units scoring above {threshold}",
    }
    band_counts_contradict(what: &str, count: u32, wider: &str, wider_count: u32) {
        vi: "{what} được ghi là {count}, nhiều hơn {wider} ({wider_count}): đơn vị đạt ngưỡng cao hơn thì cũng đạt ngưỡng thấp hơn",
        en: "{what} is stated as {count}, more than {wider} ({wider_count}): a unit reaching the higher threshold reaches the lower one too",
    }
    hint_band_counts_contradict() {
        vi: "so lại hai con số với tài liệu công bố: một trong hai có thể bị gõ nhầm",
        en: "check both figures against the publication: one of them may be mistyped",
    }
    band_count_differs(what: &str, stated: u32, computed: u32) {
        vi: "{what} được ghi là {stated}, nhưng theo bảng thì là {computed}",
        en: "{what} is stated as {stated}, but the table gives {computed}",
    }
    hint_band_count_checked() {
        vi: "bảng đầy đủ nên chiso tự đếm: kiểm tra điểm và ngưỡng; nếu tài liệu công bố đúng là như vậy, giữ nguyên và thêm `disputed = \"lý do\"` vào `band_count` này",
        en: "the table is complete, so chiso counts: check the scores and the threshold; if the publication really says so, keep it and add `disputed = \"why\"` to this `band_count`",
    }
    band_count_below_listed(what: &str, stated: u32, listed: u32) {
        vi: "{what} được ghi là {stated}, nhưng bảng đã liệt kê {listed} đơn vị như vậy",
        en: "{what} is stated as {stated}, but the table already lists {listed} such units",
    }
    hint_band_count_below_listed() {
        vi: "số liệu công bố không thể nhỏ hơn số dòng đã ghi trong bảng: kiểm tra số liệu, điểm hoặc mức của các dòng; nếu tài liệu công bố đúng là như vậy, thêm `disputed = \"lý do\"`",
        en: "a published count cannot be below the lines the table lists: check the count, the lines' scores or bands; if the publication really says so, add `disputed = \"why\"`",
    }
    band_count_above_of(what: &str, stated: u32, of: u32) {
        vi: "{what} được ghi là {stated}, nhiều hơn tổng số {of} đơn vị được xếp hạng",
        en: "{what} is stated as {stated}, more than the {of} units ranked",
    }
    hint_band_count_at_most_of() {
        vi: "số đơn vị đạt mức không thể vượt tổng số đơn vị: kiểm tra `count` và `of`",
        en: "a count cannot exceed the number of units: check `count` and `of`",
    }
    band_count_of_differs(stated: u32, ranked: u32) {
        vi: "`of` của `band_count` là {stated}, nhưng bảng có {ranked} đơn vị được xếp hạng hoặc xếp loại",
        en: "the `of` of `band_count` is {stated}, but the table ranks or rates {ranked} units",
    }
    hint_band_count_of() {
        vi: "`of` là tổng số đơn vị được xếp hạng của bảng, cộng các đơn vị chỉ được xếp loại (trong bảng trích là số `of` của các dòng); kiểm tra lại, hoặc bỏ `of`",
        en: "`of` is the number of units the table ranks, and those it only rates in a band (in a partial table, the lines' `of`); check it, or leave it out",
    }
    band_count_disputed_agrees() {
        vi: "`disputed` của `band_count`: số liệu công bố khớp với bảng, không có gì để ghi chú",
        en: "`disputed` of `band_count`: the published count agrees with the table, there is nothing to dispute",
    }
}
