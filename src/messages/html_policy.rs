//! What editors are told about their text in the reader's browser: raw
//! HTML, heading attributes, refused URL schemes.

messages! {
    scripted_svg() {
        vi: "ảnh SVG này chứa mã chạy được (`<script>`, thuộc tính `on…=` hoặc địa chỉ `javascript:`): mở trực tiếp hoặc qua một liên kết, trình duyệt sẽ chạy mã đó trên tên miền của trang",
        en: "this SVG image holds code a browser runs (`<script>`, an `on…=` attribute or a `javascript:` address): opened directly or through a link, it runs on the site's domain",
    }
    hint_scripted_svg() {
        vi: "xuất lại ảnh từ phần mềm vẽ (hoặc xóa phần mã đó), hoặc dùng ảnh PNG; nếu mã là của người làm trang và có chủ đích, bỏ qua cảnh báo này",
        en: "export the image again from the drawing program (or delete that code), or use a PNG; if the code is the site developer's and meant, ignore this warning",
    }
    raw_html(html: &str) {
        vi: "mã HTML được hiện thành chữ, không được chạy: `{html}`",
        en: "raw HTML is shown as text, not run: `{html}`",
    }
    hint_raw_html() {
        vi: "hãy viết bằng Markdown (liên kết, chữ nhấn mạnh, danh sách, bảng); chỉ khi mọi người sửa trang này đều đáng tin cậy mới đặt `unsafe_html = true` trong config.toml, và khi đó mọi đoạn mã script trong mọi văn bản đều chạy trên trang",
        en: "write it in Markdown (links, emphasis, lists, tables); only if everyone who edits this site is trusted, set `unsafe_html = true` in config.toml, and then any script in any text runs on the site",
    }
    heading_attributes(names: &str) {
        vi: "các thuộc tính của tiêu đề ngoài id và class bị bỏ đi: `{names}`",
        en: "heading attributes other than an id and classes are dropped: `{names}`",
    }
    hint_heading_attributes() {
        vi: "chỉ giữ `{{#id .class}}`: các thuộc tính khác, như `onclick`, có thể chạy mã",
        en: "keep `{{#id .class}}` only: other attributes, such as `onclick`, could run code",
    }
    source_url_not_an_address(url: &str) {
        vi: "source.url `{url}` không giống một địa chỉ trang web: liên kết tới nguồn sẽ không mở được",
        en: "source.url `{url}` does not look like a web address: the link to the source would not open",
    }
    hint_source_url() {
        vi: "chép nguyên địa chỉ từ thanh địa chỉ của trình duyệt, bắt đầu bằng https:// (không có dấu cách, dấu ngoặc kép hay < >), hoặc một đường dẫn trong trang bắt đầu bằng /",
        en: "copy the whole address from the browser's address bar, starting with https:// (no spaces, quotes or < >), or a path on the site starting with /",
    }
    forbidden_url(url: &str, scheme: &str) {
        vi: "không được dùng địa chỉ dạng `{scheme}:`: `{url}`",
        en: "a `{scheme}:` URL is not allowed: `{url}`",
    }
    hint_forbidden_url() {
        vi: "hãy liên kết tới một địa chỉ `https://` hoặc một trang của trang web: địa chỉ `javascript:`, `vbscript:` và `data:` (trừ hình ảnh) có thể chạy mã trên trình duyệt của người đọc",
        en: "link to an `https://` address or to a page of the site: `javascript:`, `vbscript:` and `data:` URLs (other than images) can run code in the reader's browser",
    }
    unknown_scheme(url: &str, scheme: &str) {
        vi: "liên kết `{url}` dùng giao thức `{scheme}:` mà trình duyệt không mở được",
        en: "the link `{url}` uses the scheme `{scheme}:`, which browsers do not open",
    }
    space_in_address(address: &str) {
        vi: "địa chỉ `{address}` có dấu cách nên không thành liên kết hay ảnh: trang in nguyên văn cả dòng chữ",
        en: "the address `{address}` holds a space, so it makes no link or image: the page prints it as text",
    }
    hint_space_in_address(address: &str) {
        vi: "đặt địa chỉ trong dấu < >: `(<{address}>)`, hoặc đổi tên tệp cho không còn dấu cách",
        en: "put the address in angle brackets: `(<{address}>)`, or rename the file without spaces",
    }
    hint_unknown_scheme() {
        vi: "liên kết tới một trang của trang web bắt đầu bằng / (ví dụ /xep-hang/2024/so-ban-nganh/); liên kết ra ngoài bắt đầu bằng https://",
        en: "a link to a page of the site starts with / (e.g. /xep-hang/2024/so-ban-nganh/); a link elsewhere with https://",
    }
}
