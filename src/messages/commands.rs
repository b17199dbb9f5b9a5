//! Messages of the editor's commands (`build`, `check`, `new`, `init`,
//! `import`, `templates`): their problems and the lines they print.

use std::fmt::Display;

messages! {
    cannot_open_site(root: impl Display, error: &std::io::Error) {
        let error = super::os_error(error);
        vi: "không mở được thư mục của trang {root}: {error}",
        en: "cannot open the site folder {root}: {error}",
    }
    cannot_create(path: impl Display, error: &std::io::Error) {
        let error = super::os_error(error);
        vi: "không tạo được {path}: {error}",
        en: "cannot create {path}: {error}",
    }
    articles_per_page_zero() {
        vi: "`articles_per_page` bằng 0, nhưng mỗi trang danh sách bài viết phải có ít nhất một bài",
        en: "`articles_per_page` is 0, but each page of the article list shows at least one article",
    }
    hint_articles_per_page(default: usize) {
        vi: "hãy ghi một số nguyên từ 1 trở lên, hoặc xóa dòng này để mỗi trang có {default} bài",
        en: "write a whole number from 1, or remove the line for {default} per page",
    }
    already_exists(path: impl Display) {
        vi: "{path} đã tồn tại",
        en: "{path} already exists",
    }
    address_taken(slug: &str, file: impl Display) {
        vi: "địa chỉ /tin-tuc/{slug}/ đã là của bài {file} (khóa `slug` của bài đó)",
        en: "the address /tin-tuc/{slug}/ is already the article {file}'s (its `slug` key)",
    }
    hint_other_title() {
        vi: "chọn tiêu đề khác, hoặc sửa tệp đã có",
        en: "choose another title, or edit the existing file",
    }
    hint_force() {
        vi: "thêm --force để ghi đè, hoặc chọn tệp khác bằng --output",
        en: "add --force to replace it, or choose another file with --output",
    }
    base_url_not_an_address(url: impl Display) {
        vi: "base_url `{url}` không phải là một địa chỉ đầy đủ: mọi liên kết, nguồn tin và sơ đồ trang sẽ sai",
        en: "base_url `{url}` is not a full address: every link, the feed and the sitemap would be wrong",
    }
    stylesheet_empty() {
        vi: "một mục của `stylesheets` để trống: trang sẽ nạp trang chủ làm tệp CSS",
        en: "an entry of `stylesheets` is empty: pages would load the home page as CSS",
    }
    hint_stylesheet() {
        vi: "ghi đường dẫn của tệp CSS trong static/, ví dụ \"css/rieng.css\", hoặc xóa mục này",
        en: "write the path of the CSS file in static/, e.g. \"css/rieng.css\", or delete the entry",
    }
    stylesheet_insecure(url: &str) {
        vi: "tệp CSS `{url}` được nạp qua http:// trong khi trang web dùng https://: trình duyệt sẽ chặn nó (nội dung hỗn hợp)",
        en: "the stylesheet `{url}` is loaded over http:// on an https:// site: browsers block it (mixed content)",
    }
    hint_stylesheet_insecure() {
        vi: "viết địa chỉ bắt đầu bằng https://, hoặc chép tệp vào static/ và ghi đường dẫn của nó",
        en: "write the address with https://, or copy the file into static/ and list its path",
    }
    stylesheet_twice(url: &str, first: usize) {
        vi: "tệp CSS `{url}` đã có ở mục thứ {first} của `stylesheets`",
        en: "the stylesheet `{url}` is already entry {first} of `stylesheets`",
    }
    hint_stylesheet_twice() {
        vi: "xóa mục thừa: mỗi trang đã nạp tệp này",
        en: "delete the extra entry: every page loads this file already",
    }
    stylesheet_is_chiso_css() {
        vi: "`chiso.css` là tệp CSS của chiso, mọi trang đã nạp nó trước các tệp của `stylesheets`",
        en: "`chiso.css` is chiso's own stylesheet, which every page loads before those of `stylesheets`",
    }
    stylesheet_not_css(url: &str) {
        vi: "`{url}` trong `stylesheets` không phải tệp .css: trình duyệt sẽ bỏ qua một trang hay một tệp khác nạp làm CSS",
        en: "`{url}` in `stylesheets` is not a .css file: browsers ignore a page or other file loaded as CSS",
    }
    url_not_an_address(url: &str) {
        vi: "`{url}` có khoảng trắng, dấu ngoặc kép hoặc dấu < >, nên trình duyệt không mở được nó như đã viết",
        en: "`{url}` holds a space, a quote or < >, so no browser opens it as written",
    }
    hint_url_not_an_address() {
        vi: "chép lại địa chỉ từ thanh địa chỉ của trình duyệt; một khoảng trắng trong địa chỉ ghi là %20",
        en: "copy the address again from the browser's address bar; a space in an address is written %20",
    }
    license_url_not_an_address(url: &str) {
        vi: "`{url}` của `data_license` không phải địa chỉ trình duyệt mở được: cần địa chỉ đầy đủ (https://…) hoặc đường dẫn từ gốc của trang (/…), không có khoảng trắng, dấu ngoặc kép hay dấu < >",
        en: "`{url}` of `data_license` is not an address a browser opens: a full address (https://…) or a path from the site's root (/…), without spaces, quotes or < >",
    }
    hint_license_url() {
        vi: "ghi địa chỉ của giấy phép, ví dụ \"https://creativecommons.org/licenses/by/4.0/deed.vi\"",
        en: "write the licence's address, e.g. \"https://creativecommons.org/licenses/by/4.0/deed.vi\"",
    }
    menu_link_empty() {
        vi: "một mục của menu có `url` để trống: nó sẽ dẫn về trang chủ",
        en: "a menu entry has an empty `url`: it would lead to the home page",
    }
    hint_menu_link_empty() {
        vi: "ghi địa chỉ của trang, ví dụ \"/xep-hang/\"; ghi \"/\" nếu muốn dẫn về trang chủ",
        en: "write the page's address, e.g. \"/xep-hang/\"; write \"/\" for the home page",
    }
    config_link_relative(url: &str) {
        vi: "liên kết `{url}` viết tương đối (./, ../): mỗi trang ở một độ sâu khác, nên nó dẫn tới chỗ khác trên mỗi trang",
        en: "the link `{url}` is written relative (./, ../): each page is at another depth, so it leads elsewhere from each",
    }
    hint_config_link() {
        vi: "viết từ gốc của trang, ví dụ \"/tin-tuc/\" hay \"css/rieng.css\": đường dẫn gốc (base_url) được thêm vào trước",
        en: "write it from the site's root, e.g. \"/tin-tuc/\" or \"css/rieng.css\": the base path is added in front",
    }
    robots_empty() {
        vi: "`robots_txt` để trống: robots.txt sẽ rỗng, không còn dòng Sitemap",
        en: "`robots_txt` is empty: robots.txt would be empty, without its Sitemap line",
    }
    robots_literal_newline() {
        vi: "`robots_txt` có `\\n` viết thành hai ký tự, không phải xuống dòng: robots.txt sẽ là một dòng duy nhất và không chặn gì",
        en: "`robots_txt` holds `\\n` as two characters, not a line break: robots.txt would be a single line that blocks nothing",
    }
    hint_robots() {
        vi: "viết trong dấu nháy kép (\"User-agent: *\\nDisallow: /\\n\"), hoặc trên nhiều dòng giữa ba dấu nháy \"\"\"…\"\"\"; bỏ khóa này để dùng robots.txt của chiso",
        en: "write it in double quotes (\"User-agent: *\\nDisallow: /\\n\"), or on several lines between triple quotes \"\"\"…\"\"\"; remove the key for chiso's robots.txt",
    }
    base_url_with_space(url: impl Display) {
        vi: "base_url `{url}` có khoảng trắng: mọi liên kết sẽ chứa khoảng trắng và bị cắt ở đó",
        en: "base_url `{url}` has a space in it: every link would hold it and be cut there",
    }
    hint_base_url_space() {
        vi: "bỏ khoảng trắng khỏi địa chỉ (thư mục trên máy chủ nên đặt tên không dấu, nối bằng '-'), hoặc viết nó là %20",
        en: "take the space out of the address (name the folder on the server without diacritics, joined with '-'), or write it %20",
    }
    base_url_with_backslash(url: impl Display) {
        vi: "base_url `{url}` có dấu `\\` hoặc ký tự điều khiển: trình duyệt đọc `\\` như `/`, nên mọi liên kết, tệp CSS và tệp script của trang sẽ trỏ tới một máy chủ khác",
        en: "base_url `{url}` has a `\\` or a control character: browsers read `\\` as `/`, so every link, stylesheet and script of the site would point at another host",
    }
    language_not_a_tag(tag: &str) {
        vi: "`language = \"{tag}\"` không phải mã ngôn ngữ: trình duyệt và trình đọc tin cần mã như `vi` hoặc `vi-VN`",
        en: "`language = \"{tag}\"` is not a language code: browsers and feed readers need a code such as `vi` or `vi-VN`",
    }
    hint_language() {
        vi: "ghi `language = \"vi\"` cho trang tiếng Việt, hoặc bỏ dòng này (mặc định là `vi`)",
        en: "write `language = \"vi\"` for a site in Vietnamese, or remove the line (`vi` is the default)",
    }
    license_url_with_backslash(url: impl Display) {
        vi: "địa chỉ giấy phép `{url}` có dấu `\\`: trình duyệt đọc `\\` như `/`, nên liên kết sẽ trỏ tới một máy chủ khác",
        en: "the licence address `{url}` has a `\\`: browsers read `\\` as `/`, so the link would point at another host",
    }
    hint_base_url_backslash() {
        vi: "viết địa chỉ chỉ với dấu `/`, như thanh địa chỉ của trình duyệt hiện nó, ví dụ `https://cchc.example.gov.vn/`",
        en: "write the address with `/` only, as the browser's address bar shows it, e.g. `https://cchc.example.gov.vn/`",
    }
    base_url_with_query(url: impl Display) {
        vi: "base_url `{url}` có phần truy vấn hoặc neo (`?`, `#`): nó sẽ đứng giữa địa chỉ và đường dẫn của mọi trang",
        en: "base_url `{url}` has a query or fragment (`?`, `#`): it would sit between the address and the path of every page",
    }
    base_url_with_credentials(url: impl Display) {
        vi: "base_url `{url}` có tên đăng nhập hoặc mật khẩu (phần trước @): chúng sẽ được in vào mọi trang",
        en: "base_url `{url}` holds a user name or password (the part before @): every page would print them",
    }
    hint_base_url_credentials() {
        vi: "bỏ phần `tên:mật-khẩu@` khỏi base_url: máy chủ cần đăng nhập thì cấu hình ở máy chủ, không ghi vào địa chỉ",
        en: "remove the `name:password@` part from base_url: a server that needs a login is set up on the server, not in the address",
    }
    base_url_unicode_host(url: impl Display, host: &str) {
        vi: "tên miền `{host}` của base_url `{url}` có chữ có dấu: sơ đồ trang, nguồn tin và liên kết chia sẻ cần dạng ASCII của nó (xn--…)",
        en: "the host `{host}` of base_url `{url}` has non-ASCII letters: the sitemap, the feed and shared links need its ASCII form (xn--…)",
    }
    hint_base_url_unicode_host() {
        vi: "ghi tên miền ở dạng ASCII (punycode, bắt đầu bằng xn--) như nhà đăng ký tên miền cấp",
        en: "write the host in its ASCII (punycode, xn--…) form, as the domain registrar gives it",
    }
    base_url_bad_host(url: impl Display, host: impl Display) {
        vi: "base_url `{url}` có tên miền `{host}` không hợp lệ: tên miền gồm chữ cái, chữ số và dấu `-` (không ở đầu hay cuối), nối nhau bằng dấu chấm",
        en: "base_url `{url}` has an invalid host `{host}`: a host is letters, digits and `-` (not first or last), joined by dots",
    }
    base_url_page(url: impl Display) {
        vi: "base_url `{url}` kết thúc bằng tên một tệp trang: mọi liên kết sẽ nằm dưới tệp đó và không mở được",
        en: "base_url `{url}` ends in a page's file name: every link would be under that file and lead nowhere",
    }
    hint_base_url_page(folder: impl Display) {
        vi: "base_url là địa chỉ thư mục của trang chủ, kết thúc bằng /: ghi `{folder}`",
        en: "base_url is the address of the home page's folder, ending in /: write `{folder}`",
    }
    base_url_http(url: impl Display) {
        vi: "base_url `{url}` dùng http://: địa chỉ trong bản tin, sơ đồ trang, ảnh chia sẻ và địa chỉ chuẩn (canonical) của mọi trang sẽ là http://, trong khi hầu hết máy chủ (cả GitHub Pages, GitLab Pages) phục vụ https://",
        en: "base_url `{url}` uses http://: the addresses in the feed, the sitemap, the share images and every page's canonical address would be http://, where nearly every host (GitHub and GitLab Pages among them) serves https://",
    }
    hint_base_url_http() {
        vi: "nếu trang được phục vụ qua https, ghi https:// trong base_url; nếu máy chủ thật sự chỉ có http, giữ nguyên",
        en: "if the site is served over https, write https:// in base_url; if the server really has http only, keep it",
    }
    base_url_dot_segment(url: impl Display) {
        vi: "đường dẫn của base_url `{url}` có đoạn `.` hoặc `..`: trình duyệt rút gọn chúng, nên các địa chỉ tuyệt đối sẽ khác trang thật",
        en: "the path of base_url `{url}` has a `.` or `..` segment: browsers collapse them, so absolute addresses would differ from the real pages",
    }
    base_url_bad_percent(url: impl Display) {
        vi: "base_url `{url}` có dấu `%` không theo sau bởi hai chữ số hex: đó không phải một mã thoát hợp lệ",
        en: "base_url `{url}` has a `%` not followed by two hex digits: not a valid escape",
    }
    hint_base_url_percent() {
        vi: "ghi đường dẫn như nó hiện trên trình duyệt, ví dụ \"/chỉ-số/\" hoặc \"/ch%E1%BB%89-s%E1%BB%91/\"; chiso tự mã hóa phần cần thiết",
        en: "write the path as the browser shows it, e.g. \"/chỉ-số/\" or \"/ch%E1%BB%89-s%E1%BB%91/\"; chiso encodes what needs it",
    }
    hint_base_url() {
        vi: "ghi địa chỉ đầy đủ, bắt đầu bằng https://, ví dụ base_url = \"https://cchc.example.gov.vn/\"; hoặc một đường dẫn bắt đầu bằng /, ví dụ \"/\" khi chưa biết địa chỉ",
        en: "write the full address, starting with https://, e.g. base_url = \"https://cchc.example.gov.vn/\"; or a path starting with /, e.g. \"/\" while the address is not known",
    }
    base_url_without_host(url: impl Display) {
        vi: "base_url `{url}` chưa có tên miền: các trang vẫn mở được, nhưng ảnh chia sẻ (Facebook, Zalo) bị bỏ, còn bản tin Atom và sơ đồ trang (sitemap) chưa có địa chỉ đầy đủ",
        en: "base_url `{url}` has no host: the pages work, but share images (Facebook, Zalo) are left out, and the Atom feed and sitemap have no full addresses",
    }
    hint_base_url_host() {
        vi: "trước khi xuất bản, ghi địa chỉ thật của trang, ví dụ base_url = \"https://cchc.example.gov.vn/\", hoặc dựng với --base-url (quy trình xuất bản trên GitHub, GitLab do chiso init tạo đã tự truyền --base-url)",
        en: "before publishing, write the site's real address, e.g. base_url = \"https://cchc.example.gov.vn/\", or build with --base-url (the GitHub and GitLab publishing workflows chiso init writes pass --base-url themselves)",
    }
    hint_base_url_option() {
        vi: "--base-url là địa chỉ trang sẽ được xuất bản, ví dụ --base-url https://cchc.example.gov.vn/",
        en: "--base-url is the address the site is published at, e.g. --base-url https://cchc.example.gov.vn/",
    }
    title_without_slug() {
        vi: "tiêu đề không có chữ cái hay chữ số nào để đặt tên tệp",
        en: "the title has no letters or digits to make a file name from",
    }
    hint_article_title() {
        vi: "chiso new article \"Kết quả Chỉ số CCHC năm 2024\"",
        en: "chiso new article \"Kết quả Chỉ số CCHC năm 2024\"",
        neutral
    }
    province_without_letters() {
        vi: "tên tỉnh không có chữ cái nào",
        en: "the province name has no letters",
    }
    hint_init() {
        vi: "chiso init cchc-quang-binh --province \"Quảng Bình\"",
        en: "chiso init cchc-quang-binh --province \"Quảng Bình\"",
        neutral
    }
    folder_not_empty(dir: impl Display) {
        vi: "{dir} không trống",
        en: "{dir} is not empty",
    }
    hint_new_folder() {
        vi: "đặt tên một thư mục mới: chiso init DIR sẽ tạo thư mục DIR",
        en: "give a new folder name: chiso init DIR creates DIR",
    }
    unknown_template(name: impl Display) {
        vi: "không có giao diện dựng sẵn `{name}`",
        en: "there is no built-in template `{name}`",
    }
    hint_list_templates() {
        vi: "`chiso templates` liệt kê các giao diện dựng sẵn",
        en: "`chiso templates` lists the built-in templates",
    }
    hint_force_template() {
        vi: "trang đã sửa giao diện này: thêm --force để thay nó bằng bản dựng sẵn",
        en: "the site already changed this template: add --force to replace it with the built-in one",
    }
    not_a_folder(path: impl Display) {
        vi: "{path} đã tồn tại và không phải là thư mục",
        en: "{path} exists and is not a folder",
    }
    no_data_file(root: impl Display, stem: &str) {
        vi: "{root} không có data/{stem}.toml hay data/{stem}.json",
        en: "{root} has no data/{stem}.toml or data/{stem}.json",
    }
    no_such_id(what: &str, id: &str) {
        let what = super::term(what);
        vi: "không có {what} `{id}` trong data/",
        en: "there is no {what} `{id}` in data/",
    }
    hint_known_ids(known: &[&str]) {
        let known = known.join(", ");
        vi: "các mã hiện có: {known}",
        en: "known: {known}",
    }
    csv_header_unknown() {
        vi: "không có dòng nào ở đầu bảng ghi tên cột đơn vị và cột điểm",
        en: "no row at the top of the sheet names a unit column and a score column",
    }
    csv_header_unknown_split_at(delimiter: u8) {
        let separator = super::term(match delimiter {
            b';' => "semicolons `;`",
            b'\t' => "tabs",
            _ => "commas `,`",
        });
        vi: "không có dòng nào ở đầu bảng ghi tên cột đơn vị và cột điểm (các ô được tách tại {separator})",
        en: "no row at the top of the sheet names a unit column and a score column (cells were split at {separator})",
    }
    hint_csv_header() {
        vi: "đặt tên cột ở dòng tiêu đề: \"Đơn vị\" và \"Điểm\" (hoặc \"Điểm đạt\" và \"Điểm tối đa\"); \"Thứ hạng\" có thể có hoặc không; xem hướng dẫn của chiso, mục “Thêm kết quả của một năm”",
        en: "name the columns in the header row: \"Đơn vị\" and \"Điểm\" (or \"Điểm đạt\" and \"Điểm tối đa\"); \"Thứ hạng\" is optional; see chiso's guide, “Thêm kết quả của một năm”",
    }
    csv_row_unreadable(error: impl Display) {
        vi: "không đọc được dòng này: {error}",
        en: "cannot read this row: {error}",
    }
    csv_no_rows() {
        vi: "tệp có dòng tiêu đề nhưng không có dòng dữ liệu nào",
        en: "the file has a header but no rows",
    }
    csv_empty_cell(what: &str) {
        let what = super::term(what);
        vi: "ô {what} đang để trống",
        en: "the {what} is empty",
    }
    csv_more_cells_than_header(cells: usize, header: usize) {
        vi: "dòng này có {cells} ô mà hàng tiêu đề chỉ có {header}: một số viết bằng dấu phẩy thập phân trong tệp ngăn cách bằng dấu phẩy bị tách làm hai (90,53 thành 90 và 53)",
        en: "this row has {cells} cells but the header has {header}: a number written with a decimal comma in a file separated by commas is split in two (90,53 into 90 and 53)",
    }
    csv_decimal_comma_split(whole: &str, next: &str, column: &str, number: usize) {
        let column = if column.is_empty() { format!("{number}") } else { format!("{number} ({column})") };
        vi: "sau số {whole} là `{next}` ở cột {column}: trong tệp ngăn cách bằng dấu phẩy, đây có thể là số {whole},{next} bị tách làm hai; đặt số trong ngoặc kép (\"{whole},{next}\"), dùng dấu chấm thập phân, hoặc lưu tệp ngăn cách bằng dấu chấm phẩy",
        en: "{whole} is followed by `{next}` in column {column}: in a file separated by commas this may be {whole},{next} split in two; put the number in quotes (\"{whole},{next}\"), use a decimal point, or save the file separated by semicolons",
    }
    csv_ambiguous_number(what: &str, text: &str, mark: &str, other: &str) {
        let what = super::term(what);
        vi: "{what} `{text}` đọc được hai cách: bảng tính ghi số thập phân bằng dấu `{mark}`, nên `{other}` ở đây có thể là dấu phân cách hàng nghìn, cũng có thể là dấu thập phân (ba chữ số lẻ); ghi lại ô này không có dấu `{other}`: số nguyên không có dấu phân cách, số lẻ dùng dấu `{mark}`",
        en: "the {what} `{text}` reads two ways: the sheet writes decimals with `{mark}`, so `{other}` here may group thousands or mark three decimals; write the cell without `{other}`: whole numbers without grouping, decimals with `{mark}`",
    }
    csv_not_a_number(what: &str, text: &str) {
        let what = super::term(what);
        vi: "{what} `{text}` không phải là số",
        en: "the {what} `{text}` is not a number",
    }
    csv_bad_rank(text: &str) {
        vi: "thứ hạng `{text}` không phải là số nguyên từ 1 trở lên",
        en: "the rank `{text}` is not a whole number from 1",
    }
    /// [`csv_no_such_unit`] with a near name.
    csv_no_such_unit_near(name: &str, near: &str) {
        vi: "không có đơn vị nào tên `{name}`; có phải ý bạn là `{near}`?",
        en: "no unit is named `{name}`; did you mean `{near}`?",
    }
    /// [`csv_no_such_unit`] without one.
    csv_no_such_unit_anywhere(name: &str) {
        vi: "không có đơn vị nào tên `{name}` trong data/units",
        en: "no unit is named `{name}` in data/units",
    }
    csv_ambiguous_unit(name: &str, ids: &[String]) {
        let ids = ids.join(", ");
        vi: "`{name}` là tên của nhiều đơn vị: {ids}; ghi mã của đơn vị thay cho tên, hoặc ghi năm đánh giá của chúng (`active_from`, `active_to`) trong data/units.toml",
        en: "`{name}` names more than one unit: {ids}; write the unit's id instead of its name, or give their years (`active_from`, `active_to`) in data/units.toml",
    }
    import_comments_moved(count: usize, heading: &str) {
        vi: "{count} dòng chú thích (`#`) của bảng cũ không còn chỗ trong bảng mới: chúng được chép xuống cuối tệp, dưới dòng `{heading}`; hãy chuyển chúng về chỗ cần thiết",
        en: "{count} comment lines (`#`) of the old table have no place in the new one: they are copied to the end of the file, under `{heading}`; move them where they belong",
    }
    import_comments_heading() {
        vi: "# Chú thích của bảng trước khi nhập lại:",
        en: "# Comments of the table before it was re-imported:",
    }
    import_band_column_unknown(column: &str, unknown: &str, index: &str, bands: &str) {
        vi: "cột `{column}` (xếp loại) bị bỏ qua: `{unknown}` không phải mức nào của chỉ số `{index}` (các mức: {bands})",
        en: "the column `{column}` (bands) is left out: `{unknown}` is none of the bands of index `{index}` ({bands})",
    }
    import_band_column_ignored(column: &str, index: &str) {
        vi: "cột `{column}` (xếp loại) bị bỏ qua: chỉ số `{index}` chưa khai báo mức xếp loại nào",
        en: "the column `{column}` (bands) is left out: index `{index}` defines no bands",
    }
    hint_define_bands(index: &str) {
        vi: "để giữ xếp loại đã công bố, khai báo các mức của `{index}` trong data/indices ([[index.band]], `name` đúng như bảng tính ghi) rồi nhập lại với --force",
        en: "to keep the published bands, define the bands of `{index}` in data/indices ([[index.band]], `name` as the sheet writes it) and import again with --force",
    }
    csv_unit_twice(id: &str, first_line: u64) {
        vi: "đơn vị `{id}` đã có ở dòng {first_line}",
        en: "unit `{id}` is already on line {first_line}",
    }

    // ---- The labels of a diagnostic ----

    label_error() {
        vi: "lỗi",
        en: "error",
    }
    label_warning() {
        vi: "cảnh báo",
        en: "warning",
    }
    label_note() {
        vi: "ghi chú",
        en: "note",
    }
    label_help() {
        vi: "gợi ý",
        en: "help",
    }

    // ---- What the commands print ----

    built(pages: usize, files: usize, changed: usize, seconds: &str, output: impl Display) {
        vi: "Đã dựng {pages} trang ({files} tệp, {changed} tệp thay đổi) trong {seconds} giây, vào {output}",
        en: "Built {pages} pages ({files} files, {changed} changed) in {seconds} s into {output}",
    }
    progress_line(stage: impl Display, seconds: &str) {
        vi: "Đang dựng trang: {stage}… {seconds} giây",
        en: "Building: {stage}… {seconds} s",
    }
    stage_load_data() {
        vi: "đọc dữ liệu",
        en: "reading the data",
    }
    stage_check_and_derive() {
        vi: "kiểm tra và tính số liệu, đọc bài viết",
        en: "checking and deriving the figures, reading the articles",
    }
    stage_expand_shortcodes() {
        vi: "đưa số liệu vào bài viết",
        en: "putting figures into the articles",
    }
    stage_render() {
        vi: "dựng và ghi các trang",
        en: "rendering and writing the pages",
    }
    stage_check_links() {
        vi: "kiểm tra liên kết",
        en: "checking the links",
    }
    stage_wait_for_output() {
        vi: "chờ một lần dựng khác ghi xong vào thư mục xuất",
        en: "waiting for another build to finish writing the output folder",
    }
    stage_commit() {
        vi: "thay thư mục xuất bằng bản mới",
        en: "putting the new output folder in place",
    }
    stage_starting() {
        vi: "đọc cấu hình",
        en: "reading the configuration",
    }
    check_ok() {
        vi: "Kiểm tra xong: trang không có lỗi nào",
        en: "OK: the site has no errors",
    }
    check_ok_with_warnings(warnings: usize) {
        let warnings = super::terms::warning_count(warnings);
        vi: "Kiểm tra xong: trang không có lỗi, nhưng có {warnings} nên xem (ở trên)",
        en: "No errors, but {warnings} to look at (above)",
    }
    build_failed(errors: usize) {
        let errors = super::terms::error_count(errors);
        vi: "Không dựng được trang: {errors}. Thư mục xuất bản giữ nguyên như trước.",
        en: "Build failed: {errors}. The output folder is as it was.",
    }
    check_failed(errors: usize) {
        let errors = super::terms::error_count(errors);
        vi: "Kiểm tra xong: trang có {errors}, cần sửa trước khi dựng.",
        en: "Check failed: the site has {errors} to fix before it builds.",
    }
    created(path: impl Display) {
        vi: "Đã tạo {path}",
        en: "Created {path}",
    }
    created_draft(path: impl Display) {
        vi: "Đã tạo {path} (bản nháp: đặt draft = false để đăng bài)",
        en: "Created {path} (a draft: set draft = false to publish it)",
    }
    site_ready(dir: impl Display) {
        vi: "Trang đã sẵn sàng: chạy `chiso serve --root {dir}` để xem trước.",
        en: "The site is ready: run `chiso serve --root {dir}` to preview it.",
    }
    init_base_url_note() {
        vi: "Lưu ý: base_url trong config.toml đang là \"/\", nên trang chưa có ảnh chia sẻ (Facebook, Zalo), còn địa chỉ trong bản tin (Atom) và sơ đồ trang (sitemap) chưa đầy đủ. Trước khi xuất bản, ghi địa chỉ thật của trang, ví dụ base_url = \"https://cchc.example.gov.vn/\" (quy trình xuất bản trên GitHub, GitLab đã tự truyền --base-url).",
        en: "Note: base_url in config.toml is \"/\", so pages have no share image (Facebook, Zalo), and the feed (Atom) and sitemap URLs are relative. Before publishing, set the site's real address, e.g. base_url = \"https://cchc.example.gov.vn/\" (the GitHub and GitLab publishing workflows pass --base-url themselves).",
    }
    template_overridden(name: &str) {
        vi: "{name}  (bản riêng của trang: templates/{name})",
        en: "{name}  (the site's own: templates/{name})",
    }
    ignored_columns(columns: &str) {
        vi: "Các cột bị bỏ qua: {columns}",
        en: "Ignored columns: {columns}",
    }
    imported(rows: usize, path: impl Display) {
        vi: "Đã ghi {rows} kết quả vào {path}; chạy `chiso check` để kiểm tra bảng",
        en: "Wrote {rows} results to {path}; run `chiso check` to check the table",
    }
    import_workbook_as_text() {
        vi: "tệp này là một sổ tính Excel hoặc LibreOffice nhưng có đuôi của tệp văn bản",
        en: "this file is an Excel or LibreOffice workbook with the name of a text file",
    }
    hint_save_as_csv_utf8() {
        vi: "chiso đọc thẳng tệp .xlsx, .xls và .ods; hoặc trong Excel chọn File → Save As (Lưu thành) → \"CSV UTF-8 (Comma delimited) (*.csv)\" rồi nhập lại tệp đó",
        en: "chiso reads .xlsx, .xls and .ods files directly; or in Excel choose File → Save As → \"CSV UTF-8 (Comma delimited) (*.csv)\" and import that file",
    }
    import_bad_utf16() {
        vi: "tệp UTF-16 (\"Unicode Text\" của Excel) bị hỏng",
        en: "the UTF-16 file (Excel's \"Unicode Text\") is damaged",
    }
    import_not_text() {
        vi: "tệp không phải là văn bản mà chiso đọc được (có thể là UTF-16 không có BOM)",
        en: "the file is not text chiso can read (perhaps UTF-16 without a byte-order mark)",
    }
    import_lost_letters() {
        vi: "tệp đã mất chữ tiếng Việt khi lưu (các chữ có dấu thành dấu `?`): định dạng \"CSV\" thường của Excel không giữ được chúng",
        en: "the file lost its Vietnamese letters when it was saved (letters with diacritics became `?`): Excel's plain \"CSV\" format cannot hold them",
    }
    import_workbook_unreadable(error: impl Display) {
        vi: "không đọc được sổ tính: {error}",
        en: "cannot read the workbook: {error}",
    }
    import_workbook_damaged() {
        vi: "không đọc được sổ tính: tệp bị hỏng",
        en: "cannot read the workbook: the file is damaged",
    }
    import_no_such_sheet(name: &str) {
        vi: "sổ tính không có trang tính `{name}`",
        en: "the workbook has no sheet `{name}`",
    }
    hint_sheets(names: &str) {
        vi: "các trang tính: \"{names}\"; chọn bằng --sheet",
        en: "its sheets: \"{names}\"; choose one with --sheet",
    }
    import_no_sheets() {
        vi: "sổ tính không có trang tính nào",
        en: "the workbook has no sheets",
    }
    import_previous_unreadable(error: &str) {
        vi: "không đọc được bảng đã có để giữ lại phần đã thêm: {error}",
        en: "cannot read the existing table to keep what was added to it: {error}",
    }
    import_units_missing(units: &str) {
        vi: "bảng tính thiếu các đơn vị sau của khối: {units}",
        en: "the sheet leaves out these units of the group: {units}",
    }
    hint_excluded(unit: &str) {
        vi: "nếu kết quả của họ không được công bố, ghi vào bảng, mỗi đơn vị một mục:\n\n    [[excluded]]\n    unit = \"{unit}\"\n    reason = \"kết quả không được công bố\"\n\nnếu bảng chỉ có một phần, nhập lại với --partial",
        en: "if their results were not published, add to the table, one entry per unit:\n\n    [[excluded]]\n    unit = \"{unit}\"\n    reason = \"kết quả không được công bố\"\n\nfor a partial table, import again with --partial",
    }
    import_change_added(unit: &str) {
        vi: "thêm {unit}",
        en: "added {unit}",
    }
    import_change_removed(unit: &str) {
        vi: "bỏ {unit}",
        en: "removed {unit}",
    }
    import_change_changed(unit: &str, what: &str) {
        vi: "{unit}: {what}",
        en: "{unit}: {what}",
        neutral
    }
    import_change_average(kept: f64, found: f64) {
        let kept = super::figure(kept);
        let found = super::figure(found);
        vi: "published_average: {kept} → {found}, theo dòng \"Bình quân\" của bảng tính",
        en: "published_average: {kept} → {found}, from the sheet's \"Bình quân\" row",
    }
    import_changes_header(count: usize) {
        vi: "Thay đổi so với bảng cũ ({count}):",
        en: "Changes from the old table ({count}):",
    }
    import_no_changes() {
        vi: "Số liệu không đổi so với bảng cũ; phần đã thêm vào bảng được giữ nguyên",
        en: "The figures are the same as in the old table; what was added to it is kept",
    }
    import_section(chosen: &str, others: &str) {
        vi: "Chỉ lấy phần “{chosen}” của bảng; bỏ qua: {others}",
        en: "Read only the section “{chosen}” of the sheet; skipped: {others}",
    }
    import_read_as(encoding: &str) {
        vi: "Đã đọc tệp theo bảng mã {encoding}",
        en: "Read the file as {encoding}",
    }
    imported_partial(rows: usize, path: impl Display) {
        vi: "Đã ghi {rows} kết quả vào {path} (bảng một phần: complete = false); chạy `chiso check` để kiểm tra bảng",
        en: "Wrote {rows} results to {path} (a partial table: complete = false); run `chiso check` to check the table",
    }
}

/// Whether the import found a near name, as the callers pass it.
pub fn csv_no_such_unit(name: &str, near: Option<&str>) -> String {
    match near {
        Some(near) => csv_no_such_unit_near(name, near),
        None => csv_no_such_unit_anywhere(name),
    }
}
