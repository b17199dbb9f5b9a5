//! Messages about results tables: units, scores, points, components,
//! ranks and averages checked against what chiso computes.

use std::fmt::Display;

/// A year, or nothing when the unit's activity has no such bound.
fn year_or_blank(year: Option<i32>) -> String {
    year.map_or(String::new(), |y| y.to_string())
}

messages! {
    table_twice(index: &str, year: i32, group: &str, other: impl Display) {
        vi: "kết quả chỉ số `{index}` năm {year} của khối `{group}` được ghi hai lần (cả trong {other})",
        en: "results for `{index}` {year} in group `{group}` are given twice (also in {other})",
    }
    hint_one_file_per_table() {
        vi: "mỗi chỉ số, năm và khối chỉ ghi trong một tệp",
        en: "keep one file per index, year and group",
    }
    unit_twice(unit: &str) {
        let unit = super::quoted(unit);
        vi: "đơn vị `{unit}` xuất hiện hai lần trong bảng này",
        en: "unit `{unit}` appears twice in this table",
    }
    unit_twice_at(unit: &str, first: usize) {
        let unit = super::quoted(unit);
        vi: "đơn vị `{unit}` xuất hiện hai lần trong bảng này (lần đầu ở dòng {first})",
        en: "unit `{unit}` appears twice in this table (first at line {first})",
    }
    hint_one_result_per_unit() {
        vi: "mỗi đơn vị chỉ giữ một dòng kết quả: so hai dòng với văn bản công bố rồi xóa dòng sai",
        en: "keep one result per unit: compare the two lines with the publication and delete the wrong one",
    }
    unit_inactive(unit: &str, year: i32, from: Option<i32>, to: Option<i32>) {
        let from = year_or_blank(from);
        let to = year_or_blank(to);
        vi: "đơn vị `{unit}` được xếp hạng năm {year}, ngoài những năm đơn vị còn hoạt động ({from}–{to})",
        en: "unit `{unit}` is ranked in {year}, outside the years it was active ({from}–{to})",
    }
    hint_active_years() {
        vi: "kiểm tra năm của bảng, hoặc active_from / active_to của đơn vị",
        en: "check the year of the table, or the unit's active_from / active_to",
    }
    hint_result_of_successor(successor: &str) {
        vi: "đơn vị đã được nhập vào `{successor}`: kết quả năm này có lẽ là của `{successor}`; nếu không, kiểm tra năm của bảng hoặc active_to của đơn vị",
        en: "the unit was merged into `{successor}`: this year's result is likely `{successor}`'s; if not, check the year of the table or the unit's active_to",
    }
    hint_result_of_predecessors(units: &str) {
        vi: "trước năm đó, kết quả thuộc về các đơn vị đã nhập vào đơn vị này: `{units}`; nếu không, kiểm tra năm của bảng hoặc active_from của đơn vị",
        en: "before then, the results are those of the units merged into this one: `{units}`; if not, check the year of the table or the unit's active_from",
    }
    score_and_points(unit: &str) {
        vi: "`{unit}` có cả `score` lẫn `points`",
        en: "`{unit}` has both `score` and `points`",
    }
    hint_score_or_points() {
        vi: "ghi điểm trực tiếp (score), hoặc ghi điểm đạt kèm điểm tối đa (points và max_points), không ghi cả hai",
        en: "give the score directly, or as points with max_points, not both",
    }
    scores_finer_than_printed(finer: usize, scores: usize, written: u32, printed: u32) {
        vi: "{finer} trong {scores} điểm của bảng ghi {written} chữ số thập phân, nhưng bảng in {printed}: trang sẽ làm tròn các điểm đó, khác với số nguồn đã in",
        en: "{finer} of the table's {scores} scores are written with {written} decimals, but the table prints {printed}: the pages would round them, unlike the figures the source printed",
    }
    score_finer_than_printed(unit: &str, score: f64, written: u32, printed: u32) {
        let rounded = crate::vi::format_number(score, printed);
        let score = super::figure_at(score, written);
        vi: "điểm của `{unit}` ghi {score} ({written} chữ số thập phân), nhưng bảng in {printed}: trang sẽ in {rounded}",
        en: "`{unit}`'s score is written {score} ({written} decimals), but the table prints {printed}: the pages would print {rounded}",
    }
    scores_coarser_than_printed(coarse: usize, scores: usize, score: f64, written: u32, printed: u32) {
        let typed = super::figure_at(score, written);
        let padded = crate::vi::format_number(score, printed);
        vi: "{coarse} trong {scores} điểm của bảng ghi ít chữ số thập phân hơn bảng in ({printed}), như {typed}: trang sẽ in {padded}",
        en: "the table has {coarse} of {scores} scores written with fewer decimals than it prints ({printed}), as {typed}: the pages would print {padded}",
    }
    hint_scores_coarser(score: f64, written: u32, printed: u32) {
        let as_printed = super::figure_at(score, written);
        let padded = super::figure_at(score, printed);
        let typed = format!("{score:.*}", printed as usize);
        vi: "nếu nguồn in đúng như vậy ({as_printed}), thêm `decimals = {written}` vào các dòng đó; nếu nguồn in {padded}, ghi `{typed}` như nguồn in",
        en: "if the source printed them so ({as_printed}), add `decimals = {written}` to those lines; if it printed {padded}, write `{typed}` as it did",
    }
    hint_line_decimals(written: u32) {
        vi: "nếu nguồn in đúng như vậy, thêm `decimals = {written}` vào dòng này; nếu đó là số chưa làm tròn, ghi số đã làm tròn như nguồn in",
        en: "if the source printed it so, add `decimals = {written}` to this line; if it is an unrounded figure, write it rounded as the source printed it",
    }
    table_empty(index: &str, year: i32) {
        vi: "bảng `{index}` năm {year} chưa có dòng kết quả nào: bảng chưa được đăng, cho tới khi có kết quả",
        en: "the `{index}` table of {year} has no result yet: it is not published until it has some",
    }
    hint_table_empty() {
        vi: "thêm các dòng [[result]] (hoặc dùng `chiso import`); tệp chưa có dòng nào không làm hỏng bản dựng",
        en: "add [[result]] lines (or use `chiso import`); a file with no line yet does not fail the build",
    }
    table_without_source(index: &str, year: i32) {
        vi: "bảng `{index}` năm {year} không ghi nguồn: trang không cho người đọc biết số liệu lấy từ văn bản nào",
        en: "the `{index}` table of {year} names no source: its page cannot tell readers which publication the figures come from",
    }
    hint_table_source() {
        vi: "thêm [source] với title (tên văn bản), number, issuer, date và url nếu có; bảng minh họa thì ghi illustrative = true",
        en: "add a [source] with its title, and its number, issuer, date and url where known; for an illustrative table, set illustrative = true",
    }
    year_not_its_folder(year: i32, folder: i32) {
        vi: "bảng ghi năm {year} nhưng nằm trong thư mục năm {folder}: trang sẽ đăng bảng này là kết quả năm {year}",
        en: "the table says year {year} but is in the folder of {folder}: the site publishes it as {year}'s results",
    }
    year_not_its_folders_units(year: i32, folder: i32, count: usize, units: &str) {
        vi: "bảng ghi năm {year} nhưng nằm trong thư mục năm {folder}, và {count} đơn vị của bảng được đánh giá năm {folder} chứ không phải năm {year} (`{units}): có lẽ `year` còn giữ năm của tệp năm trước",
        en: "the table says year {year} but is in the folder of {folder}, and {count} of its units were assessed in {folder}, not in {year} (`{units}): `year` was likely left from last year's file",
    }
    hint_year_folder(folder: i32) {
        vi: "nếu đây là kết quả năm {folder} (chép từ tệp năm trước), sửa `year` thành {folder}; nếu không, chuyển tệp vào thư mục đúng năm",
        en: "if these are {folder}'s results (copied from last year's file), make `year` {folder}; otherwise move the file to its year's folder",
    }
    scores_are_fractions(count: usize, first: &str, max: &str) {
        vi: "cả {count} điểm của bảng đều không quá 1 (như {first}), trên thang điểm đến {max}: có vẻ là tỷ lệ phần trăm bị ghi thành phân số (ô \"phần trăm\" của Excel lưu 0,9438 và hiện 94,38%)",
        en: "all {count} scores of the table are at most 1 (such as {first}) on a scale up to {max}: they look like percentages written as fractions (an Excel percentage cell holds 0.9438 and shows 94.38%)",
    }
    hint_scores_are_fractions(percent: &str) {
        vi: "ghi điểm như văn bản công bố in ({percent} chứ không phải phân số); nếu nhập từ bảng tính, hãy lưu bảng tính dạng .xlsx rồi nhập lại: chiso đọc ô phần trăm như ô hiện ra",
        en: "write the scores as the publication prints them ({percent}, not the fraction); when they come from a spreadsheet, save it as .xlsx and import it again: chiso reads percentage cells as they show",
    }
    hint_table_decimals(written: u32) {
        vi: "nếu nguồn in {written} chữ số thập phân, thêm `decimals = {written}` vào đầu tệp bảng (hoặc vào chỉ số trong data/indices.toml)",
        en: "if the source printed {written} decimals, add `decimals = {written}` at the top of the table file (or to the index in data/indices.toml)",
    }
    score_outside_scale(unit: &str, score: &str, index: &str, min: f64, max: f64) {
        let min = super::figure(min);
        let max = super::figure(max);
        vi: "điểm của `{unit}` là {score}, nằm ngoài thang điểm của `{index}` ({min}–{max})",
        en: "the score of `{unit}`, {score}, is outside the scale of `{index}` ({min}–{max})",
    }
    average_outside_scale(average: f64, index: &str, min: f64, max: f64) {
        let average = super::figure(average);
        let min = super::figure(min);
        let max = super::figure(max);
        vi: "điểm bình quân đã công bố, {average}, nằm ngoài thang điểm của `{index}` ({min}–{max})",
        en: "the published average, {average}, is outside the scale of `{index}` ({min}–{max})",
    }
    hint_decimal_point() {
        vi: "kiểm tra xem dấu thập phân có bị đặt sai chỗ không",
        en: "check for a misplaced decimal point",
    }
    points_above_max(unit: &str, points: f64, max: f64) {
        let points = super::figure(points);
        let max = super::figure(max);
        vi: "`{unit}` đạt {points} điểm, nhiều hơn điểm tối đa {max}",
        en: "`{unit}` has {points} points, more than its maximum of {max}",
    }
    negative_points(unit: &str, points: f64) {
        let points = super::figure(points);
        vi: "`{unit}` đạt {points} điểm, nhỏ hơn 0",
        en: "`{unit}` has {points} points, below zero",
    }
    hint_check_points() {
        vi: "kiểm tra points và max_points",
        en: "check points and max_points",
    }
    max_points_not_positive(unit: &str, max: f64) {
        let max = super::figure(max);
        vi: "`{unit}` có max_points bằng {max}",
        en: "`{unit}` has a max_points of {max}",
    }
    hint_max_points_positive() {
        vi: "max_points phải lớn hơn 0",
        en: "max_points must be above zero",
    }
    points_without_max(unit: &str) {
        vi: "`{unit}` có điểm đạt (points) nhưng không có max_points",
        en: "`{unit}` has points but no max_points",
    }
    hint_add_max_points() {
        vi: "thêm max_points: điểm tối đa của riêng đơn vị",
        en: "add max_points: the unit's own maximum",
    }
    no_score_in_complete_table(unit: &str) {
        vi: "`{unit}` không có điểm trong một bảng đầy đủ",
        en: "`{unit}` has no score in a complete table",
    }
    hint_add_score() {
        vi: "thêm `score`, hoặc `points` kèm `max_points`",
        en: "add `score`, or `points` with `max_points`",
    }
    unknown_component(index: &str, component: &str) {
        let component = super::quoted(component);
        vi: "chỉ số `{index}` không có lĩnh vực `{component}`",
        en: "index `{index}` has no component `{component}`",
    }
    hint_components_defined(index: &str) {
        vi: "các lĩnh vực của `{index}` được khai báo trong data/indices",
        en: "the components of `{index}` are defined in data/indices",
    }
    component_above_max(component: &str, unit: &str, score: f64, max: f64) {
        let score = super::figure(score);
        let max = super::figure(max);
        vi: "lĩnh vực `{component}` của `{unit}` đạt {score}, cao hơn điểm tối đa {max}",
        en: "component `{component}` of `{unit}` is {score}, above its maximum of {max}",
    }
    hint_check_component() {
        vi: "kiểm tra điểm của lĩnh vực",
        en: "check the component score",
    }
    components_do_not_sum(unit: &str, sum: &str, total: &str) {
        vi: "tổng điểm các lĩnh vực của `{unit}` là {sum}, nhưng điểm tổng là {total}",
        en: "the components of `{unit}` add up to {sum}, but its total is {total}",
    }
    hint_components_sum() {
        vi: "chỉ số này quy định tổng điểm các lĩnh vực bằng điểm tổng: kiểm tra từng lĩnh vực",
        en: "this index says its components add up to the total: check each component",
    }
    rank_above_of(unit: &str, rank: u32, of: u32) {
        vi: "`{unit}` được ghi xếp thứ {rank} trên tổng số {of}",
        en: "`{unit}` is ranked {rank} of {of}",
    }
    hint_rank_at_most_of() {
        vi: "thứ hạng không thể lớn hơn số đơn vị được xếp hạng",
        en: "a rank cannot be larger than the number ranked",
    }
    regional_rank_above_of(unit: &str, rank: u32, of: u32, region: &str) {
        vi: "`{unit}` được ghi xếp thứ {rank} trên tổng số {of} trong vùng `{region}`",
        en: "`{unit}` is ranked {rank} of {of} in region `{region}`",
    }
    stated_rank_differs(unit: &str, stated: u32, computed: u32) {
        vi: "`{unit}` được ghi xếp thứ {stated}, nhưng theo điểm thì xếp thứ {computed} trong bảng này",
        en: "`{unit}` is stated as rank {stated}, but its score ranks {computed} in this table",
    }
    stated_rank_out_of_order(unit: &str, stated: u32, computed: u32, against: &str, against_rank: u32, more: usize) {
        let more = match (super::language(), more) {
            (_, 0) => String::new(),
            (super::Language::Vietnamese, n) => format!(" và {n} dòng khác"),
            (super::Language::English, 1) => " and 1 more line".to_owned(),
            (super::Language::English, n) => format!(" and {n} more lines"),
        };
        vi: "`{unit}` được ghi xếp thứ {stated}, nhưng theo điểm thì xếp thứ {computed}, trái với `{against}` (ghi thứ {against_rank}){more}, những dòng có thứ hạng ghi khớp với nhau: điểm hoặc thứ hạng của dòng này có lẽ bị gõ nhầm; các dòng khác lệch hạng chỉ vì nó",
        en: "`{unit}` is stated as rank {stated}, but its score ranks {computed}, against `{against}` (stated {against_rank}){more}, whose stated ranks agree with each other: this line's score or rank is likely mistyped; the other lines are off only because of it",
    }
    hint_rank_out_of_order() {
        vi: "đối chiếu điểm và thứ hạng của dòng này với văn bản công bố: dấu thập phân đặt sai chỗ (9,310 thay cho 93,10) biến điểm thành một phần mười",
        en: "check this line's score and rank against the publication: a decimal mark in the wrong place (9.310 for 93.10) makes a score a tenth of itself",
    }
    stated_ranks_dense(unit: &str, stated: u32, computed: u32, lines: usize) {
        vi: "`{unit}` được ghi xếp thứ {stated}, nhưng theo điểm thì xếp thứ {computed} trong bảng này; {lines} dòng khác nhau như vậy, vì sau các đơn vị đồng hạng bảng ghi hạng kế tiếp (1, 1, 2) thay vì bỏ qua số hạng (1, 1, 3)",
        en: "`{unit}` is stated as rank {stated}, but its score ranks {computed} in this table; {lines} lines differ so, as after each tie the table goes on with the next number (1, 1, 2) rather than skipping (1, 1, 3)",
    }
    stated_regional_rank_differs(unit: &str, region: &str, stated: u32, computed: u32, of: u32) {
        vi: "`{unit}` được ghi xếp thứ {stated} trong vùng `{region}`, nhưng theo điểm thì xếp thứ {computed} trên {of} ở vùng đó",
        en: "`{unit}` is stated as rank {stated} in region `{region}`, but its score ranks {computed} of {of} there",
    }
    not_ranked_with_rank(unit: &str) {
        vi: "`{unit}` được đánh dấu không xếp hạng, nhưng lại có thứ hạng",
        en: "`{unit}` is marked not ranked, but has a rank",
    }
    hint_not_ranked() {
        vi: "xóa `rank` và `of`, hoặc xóa `not_ranked`",
        en: "remove `rank` and `of`, or remove `not_ranked`",
    }
    hint_rank_is_computed() {
        vi: "kiểm tra điểm, hoặc xóa thứ hạng đã ghi: chiso tự tính thứ hạng",
        en: "check the score, or remove the stated rank: chiso computes it",
    }
    hint_rank_differs() {
        vi: "kiểm tra điểm, hoặc xóa thứ hạng đã ghi (chiso tự tính thứ hạng); nếu văn bản công bố đúng là ghi thứ hạng này, giữ lại và thêm `disputed = \"lý do\"` vào dòng này: trang hiện cả hai",
        en: "check the score, or remove the stated rank (chiso computes it); if the publication really prints this rank, keep it and add `disputed = \"why\"` to this line: pages show both",
    }
    hint_ties_broken() {
        vi: "nếu cơ quan công bố đã phân định thứ hạng giữa các đơn vị cùng điểm, ghi cách phân định vào `ties_broken` ở đầu tệp (ví dụ `ties_broken = \"xếp theo điểm chưa làm tròn\"`); nếu không, kiểm tra điểm hoặc thứ hạng",
        en: "if the publisher ranked the units with equal scores apart, say how in `ties_broken` at the top of the file (e.g. `ties_broken = \"xếp theo điểm chưa làm tròn\"`); otherwise check the score or the rank",
    }
    hint_rank_style_dense() {
        vi: "các thứ hạng đã ghi được đánh số liền sau các đơn vị đồng hạng (1, 1, 2): nếu văn bản công bố xếp hạng như vậy, ghi `rank_style = \"dense\"` ở đầu tệp",
        en: "the stated ranks go on with the next number after a tie (1, 1, 2): if the publication ranks so, write `rank_style = \"dense\"` at the top of the file",
    }
    dense_ranks_with_ties_broken() {
        vi: "bảng ghi cả `rank_style = \"dense\"` (các đơn vị cùng điểm cùng hạng, hạng sau là số kế tiếp) và `ties_broken` (các đơn vị cùng điểm được xếp hạng khác nhau)",
        en: "the table states both `rank_style = \"dense\"` (units with equal scores share a rank, the next rank is the next number) and `ties_broken` (units with equal scores were ranked apart)",
    }
    hint_dense_or_ties_broken() {
        vi: "giữ một trong hai, theo đúng văn bản công bố",
        en: "keep the one the publication follows",
    }
    tie_not_ordered(score: &str, units: &str, stated: &str, first: u32, last: u32) {
        vi: "các đơn vị cùng điểm {score} ({units}) được ghi các hạng {stated}, nhưng khi phân định thứ hạng cùng điểm, mỗi đơn vị giữ một hạng riêng từ {first} đến {last}",
        en: "the units tied at {score} ({units}) are stated as ranks {stated}, but a broken tie gives each of them one rank of its own from {first} to {last}",
    }
    hint_tie_order() {
        vi: "ghi `rank` của từng đơn vị cùng điểm như đã công bố (mỗi hạng một lần), hoặc để các đơn vị này cùng một hạng",
        en: "state each tied unit's `rank` as published (each rank once), or let them share one rank",
    }
    ties_broken_unused() {
        vi: "có `ties_broken`, nhưng trong bảng không có đơn vị cùng điểm nào được ghi thứ hạng khác nhau",
        en: "`ties_broken` is given, but no units with equal scores are stated with different ranks in this table",
    }
    hint_remove_ties_broken() {
        vi: "xóa `ties_broken`: các đơn vị cùng điểm đang cùng hạng",
        en: "remove `ties_broken`: units with equal scores share their rank",
    }
    ties_broken_empty() {
        vi: "`ties_broken` để trống: cần ghi cách cơ quan công bố phân định thứ hạng các đơn vị cùng điểm",
        en: "`ties_broken` is empty: it says how the publisher ordered units with equal scores",
    }
    hint_ties_broken_words() {
        vi: "ví dụ `ties_broken = \"xếp theo điểm chưa làm tròn\"`; chữ này hiện dưới bảng",
        en: "e.g. `ties_broken = \"xếp theo điểm chưa làm tròn\"`; the words are shown under the table",
    }
    stated_of_differs(unit: &str, stated: u32, ranked: u32) {
        vi: "`{unit}` ghi {stated} đơn vị được xếp hạng, nhưng bảng này xếp hạng {ranked} đơn vị",
        en: "`{unit}` states {stated} units ranked, but this table ranks {ranked}",
    }
    hint_table_is_partial() {
        vi: "nếu bảng chỉ ghi một số dòng của một bảng xếp hạng lớn hơn (ví dụ dòng của tỉnh trong bảng xếp hạng cả nước), ghi `complete = false` ở đầu tệp: thứ hạng và `of` được giữ như đã công bố; nếu văn bản công bố đếm cả đơn vị không xếp hạng, giữ `of` và ghi lý do vào `of_note = \"…\"` của dòng này; nếu không, xóa `of`",
        en: "if the table holds some lines of a wider ranking (the province's line in the national one), write `complete = false` at the top of the file: ranks and `of` are then kept as published; if the publication counts a unit left unranked, keep `of` and say why in this line's `of_note = \"…\"`; otherwise remove `of`",
    }
    hint_of_is_computed() {
        vi: "xóa `of` trong bảng đầy đủ: chiso tự đếm",
        en: "remove `of` from complete tables: chiso counts it",
    }
    published_average_differs(published: &str, computed: &str) {
        vi: "điểm bình quân đã công bố là {published}, nhưng bình quân điểm trong bảng này là {computed}",
        en: "the published average is {published}, but the scores in this table average {computed}",
    }
    counted_at_table_percent(units: &str) {
        vi: "chiso tính {units} theo tỷ lệ từ điểm của bảng, không theo tỷ lệ đã công bố có `disputed`",
        en: "chiso counts {units} at the percent of their points, not at the disputed published percent",
    }
    hint_check_average() {
        vi: "kiểm tra điểm của các đơn vị, hoặc điểm bình quân đã công bố; nếu văn bản công bố đúng là như vậy, giữ số đã công bố và ghi lý do vào `average_disputed = \"…\"` ở đầu tệp",
        en: "check the units' scores, or the published average; if the publication really prints it, keep it and say why in `average_disputed = \"…\"` at the top of the file",
    }
    average_disputed_unused() {
        vi: "có `average_disputed`, nhưng không có bình quân tính được nào khác với `published_average`",
        en: "`average_disputed` is given, but no average derived from the scores differs from `published_average`",
    }

    // ---- Figures that cannot be, and complete tables that are not ----
    year_not_positive(year: i32) {
        vi: "năm {year} không phải là một năm đánh giá",
        en: "the year {year} is not an assessment year",
    }
    hint_year() {
        vi: "ghi đủ bốn chữ số của năm đánh giá, ví dụ year = 2023",
        en: "write the assessment year in full, e.g. year = 2023",
    }
    zero_rank_stated(unit: &str) {
        vi: "`{unit}` ghi thứ hạng 0",
        en: "`{unit}` is stated as rank 0",
    }
    zero_of_stated(unit: &str) {
        vi: "`{unit}` ghi 0 đơn vị được xếp hạng",
        en: "`{unit}` states 0 units ranked",
    }
    zero_regional_rank_stated(unit: &str, region: &str) {
        vi: "`{unit}` ghi thứ hạng 0 trong vùng `{region}`",
        en: "`{unit}` is stated as rank 0 in region `{region}`",
    }
    zero_regional_of_stated(unit: &str, region: &str) {
        vi: "`{unit}` ghi 0 đơn vị được xếp hạng trong vùng `{region}`",
        en: "`{unit}` states 0 units ranked in region `{region}`",
    }
    hint_rank_from_one() {
        vi: "thứ hạng bắt đầu từ 1 (đứng đầu), và có ít nhất một đơn vị được xếp hạng",
        en: "ranks start at 1 (the first), and at least one unit is ranked",
    }
    /// `missing` lists the units as "`id` (Name)", already cut to a
    /// readable length; `count` is how many there are in all.
    complete_table_misses(group: &str, year: i32, count: usize, missing: &str) {
        let units = super::term(if count == 1 { "unit" } else { "units" });
        vi: "bảng này được đánh dấu đầy đủ nhưng thiếu {count} {units} đang hoạt động trong khối `{group}` năm {year}: {missing}",
        en: "this table is marked complete but leaves out {count} {units} active in group `{group}` in {year}: {missing}",
    }
    and_more(count: usize) {
        vi: "và {count} đơn vị khác",
        en: "and {count} more",
    }
    hint_ended_without_active_to(unit: &str, last: i32) {
        vi: "`{unit}` đã sáp nhập hoặc giải thể nhưng chưa có `active_to`, nên vẫn được tính là còn đánh giá: thêm năm đánh giá cuối cùng của nó vào data/units.toml, ví dụ dòng active_to = {last} (tệp TOML, kể cả khi tệp bảng là JSON); các đơn vị khác còn thiếu thì thêm kết quả, `not_ranked` hoặc `excluded`",
        en: "`{unit}` was merged or abolished but has no `active_to`, so it is still counted as assessed: add its last assessed year in data/units.toml, e.g. the line active_to = {last} (a TOML file, even when the table's is JSON); for any other unit missing, add its result, `not_ranked` or `excluded`",
    }
    hint_complete_table() {
        vi: "thêm kết quả của các đơn vị này; ghi `not_ranked = \"lý do\"` cho đơn vị không được xếp hạng; hoặc, nếu kết quả của đơn vị không được công bố, liệt kê đơn vị trong `excluded = [{{ unit = \"mã\", reason = \"…\" }}]`. Nếu bảng chỉ liệt kê một số đơn vị, đặt `complete = false`",
        en: "add their results; mark a unit `not_ranked = \"reason\"`; or, if its result was not published, list it under `excluded = [{{ unit = \"id\", reason = \"…\" }}]`. If only some units are listed, set `complete = false`",
    }
    excluded_not_in_group(unit: &str, group: &str) {
        vi: "đơn vị `{unit}` được ghi là loại trừ, nhưng không thuộc khối `{group}`",
        en: "unit `{unit}` is excluded, but it is not in group `{group}`",
    }
    hint_excluded_group() {
        vi: "trong `excluded` chỉ ghi đơn vị thuộc khối của bảng (xem `group` của đơn vị trong data/units.toml)",
        en: "list only units of the table's group under `excluded` (see the unit's `group` in data/units.toml)",
    }
    excluded_without_reason(unit: &str) {
        vi: "đơn vị `{unit}` được loại trừ mà không ghi lý do",
        en: "unit `{unit}` is excluded without a reason",
    }
    hint_excluded_reason() {
        vi: "ghi lý do, ví dụ reason = \"kết quả không được công bố\"; người đọc sẽ thấy lý do này",
        en: "say why, e.g. reason = \"kết quả không được công bố\"; readers see it",
    }
    excluded_and_listed(unit: &str) {
        vi: "đơn vị `{unit}` vừa được loại trừ vừa có dòng kết quả",
        en: "unit `{unit}` is both excluded and listed with a result",
    }
    hint_excluded_or_listed() {
        vi: "giữ dòng kết quả (ghi `not_ranked` nếu đơn vị không được xếp hạng) hoặc giữ dòng loại trừ, không giữ cả hai",
        en: "keep the result (with `not_ranked` if it was left out of the ranking) or the exclusion, not both",
    }
    excluded_twice(unit: &str) {
        vi: "đơn vị `{unit}` được loại trừ hai lần",
        en: "unit `{unit}` is excluded twice",
    }
}

/// `what` is the key: `rank` or `of`.
pub fn zero_rank(unit: &str, what: &str) -> String {
    if what == "of" {
        zero_of_stated(unit)
    } else {
        zero_rank_stated(unit)
    }
}

/// `what` is the key: `rank` or `of`.
pub fn zero_regional_rank(unit: &str, what: &str, region: &str) -> String {
    if what == "of" {
        zero_regional_of_stated(unit, region)
    } else {
        zero_regional_rank_stated(unit, region)
    }
}
