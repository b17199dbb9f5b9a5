//! Messages about articles and the home text: front matter, slugs, where a
//! page belongs, links between pages.

messages! {
    tag_spelled_apart(tag: &str, first: &str, file: &str, page: &str) {
        vi: "thẻ `{tag}` được viết khác thẻ `{first}` (trong {file}) nhưng có cùng trang /{page}: bài của hai thẻ được liệt kê chung",
        en: "the tag `{tag}` is written apart from `{first}` (in {file}) but shares its page /{page}: the articles of both are listed together",
    }
    hint_tag_spelled_apart() {
        vi: "nếu là cùng một chủ đề, hãy viết thẻ giống nhau; nếu là hai chủ đề khác nhau (như \"Đô thị\" và \"Đồ thị\"), hãy đổi tên một thẻ",
        en: "if it is the same topic, write the tag the same way; if they are two topics (such as \"Đô thị\" and \"Đồ thị\"), rename one of them",
    }
    shortcode_in_front_matter(key: &str) {
        vi: "`{key}` có một mã ngắn (`<!-- chiso:… -->`), nhưng mã ngắn chỉ được thay bằng số liệu trong thân bài: ở đây nó sẽ hiện nguyên văn trong danh sách bài, nguồn tin (feed) và phần mô tả trang",
        en: "`{key}` holds a shortcode (`<!-- chiso:… -->`), but shortcodes are expanded in the article's body only: here it would be printed as written in article lists, the feed and the page's description",
    }
    hint_shortcode_in_body() {
        vi: "ghi con số vào đây như đã công bố, hoặc chuyển câu có mã ngắn xuống thân bài",
        en: "write the figure here as published, or move the sentence with the shortcode to the body",
    }
    no_front_matter() {
        vi: "tệp không mở đầu bằng phần thông tin bài viết (front matter)",
        en: "the file does not start with front matter",
    }
    hint_front_matter() {
        vi: "mở đầu tệp bằng một dòng `+++`, tiếp theo là `title = \"…\"` và các khóa khác, rồi một dòng `+++` để đóng lại",
        en: "start the file with a line `+++`, then `title = \"…\"` and the other keys, then a closing `+++` line",
    }
    front_matter_not_closed() {
        vi: "phần thông tin bài viết (front matter) chưa được đóng lại",
        en: "the front matter is not closed",
    }
    hint_close_front_matter() {
        vi: "có phải bạn quên dòng `+++` đóng lại sau phần thông tin bài viết?",
        en: "did you forget the closing `+++` line after the front matter?",
    }
    tag_without_letters(tag: &str) {
        vi: "chủ đề `{tag}` không có chữ cái hay chữ số nào: bài viết không được xếp vào chủ đề này",
        en: "the tag `{tag}` has no letters or digits: the article is listed under no page for it",
    }
    hint_tag_letters() {
        vi: "xóa chủ đề này khỏi `tags`, hoặc đặt cho nó một tên có chữ",
        en: "remove it from `tags`, or give it a name with letters",
    }
    empty_title() {
        vi: "tiêu đề đang để trống",
        en: "the title is empty",
    }
    no_date() {
        vi: "bài viết này không có ngày",
        en: "this article has no date",
    }
    hint_add_date() {
        vi: "thêm `date = 2024-05-08` vào phần thông tin bài viết",
        en: "add `date = 2024-05-08` to the front matter",
    }
    bad_slug(slug: &str) {
        vi: "không dùng được slug `{slug}`: slug không được là một đường dẫn",
        en: "the slug `{slug}` is not allowed: it must not be a path",
    }
    hint_slug() {
        vi: "viết slug bằng các từ nối bằng gạch ngang, ví dụ slug = \"chi-so-cchc-2023\"; không có '/', '\\', '..' hay ký hiệu ổ đĩa",
        en: "write the slug as words, e.g. slug = \"chi-so-cchc-2023\"; no '/', '\\', '..' or drive letters",
    }
    slug_too_long(slug: &str) {
        let bytes = slug.len();
        let max = crate::vi::MAX_NAME_BYTES;
        let slug = super::quoted(slug);
        vi: "slug `{slug}` của bài viết dài {bytes} byte, quá {max} byte: slug là tên thư mục của bài viết trong trang đã dựng, và tên quá dài thì không ghi được",
        en: "the article's slug `{slug}` is {bytes} bytes long, more than {max}: the slug names the article's folder in the built site, and a name that long cannot be written",
    }
    hint_shorter_slug() {
        vi: "đặt `slug` ngắn hơn trong phần thông tin bài viết (hoặc đổi tên tệp cho ngắn hơn), ví dụ slug = \"chi-so-cchc-2023\"",
        en: "set a shorter `slug` in the front matter (or give the file a shorter name), e.g. slug = \"chi-so-cchc-2023\"",
    }
    tag_too_long(tag: &str) {
        let bytes = crate::vi::slugify(tag).len();
        let max = crate::vi::MAX_NAME_BYTES;
        let tag = super::quoted(tag);
        vi: "chủ đề `{tag}` làm ra tên thư mục dài {bytes} byte, quá {max} byte: trang của chủ đề này không ghi được",
        en: "the tag `{tag}` makes a folder name {bytes} bytes long, more than {max}: its page cannot be written",
    }
    hint_shorter_tag() {
        vi: "rút ngắn chủ đề này trong `tags`: chủ đề là vài từ, không phải một câu",
        en: "shorten this tag in `tags`: a tag is a few words, not a sentence",
    }
    no_slug() {
        vi: "bài viết này không có slug dùng được",
        en: "this article has no usable slug",
    }
    hint_no_slug() {
        vi: "đổi tên tệp, hoặc đặt `slug` trong phần thông tin bài viết",
        en: "rename the file, or set `slug` in the front matter",
    }
    content_file_not_read() {
        vi: "chiso chỉ đọc bài viết từ tệp có đuôi `.md`, nên tệp này bị bỏ qua",
        en: "chiso reads articles only from files ending in `.md`, so this file is ignored",
    }
    hint_name_md(name: &str) {
        vi: "nếu đây là một bài viết, đổi tên tệp thành `{name}`",
        en: "if this is an article, rename the file to `{name}`",
    }
    hint_files_in_static() {
        vi: "ảnh và tệp tải về đặt trong `static/` (ví dụ `static/anh/`), rồi dẫn tới chúng bằng `/anh/ten-tep`",
        en: "pictures and downloads go in `static/` (say `static/anh/`), linked as `/anh/file-name`",
    }
    slug_reserved_on_windows(slug: &str) {
        vi: "địa chỉ `{slug}` là tên Windows dành cho thiết bị: trên Windows không tạo được thư mục mang tên này, nên trang không dựng hay chép được ở đó",
        en: "the address `{slug}` is a name Windows keeps for a device: no folder can have it on Windows, so the site cannot be built or copied there",
    }
    hint_slug_reserved(slug: &str) {
        vi: "đặt `slug` khác trong phần thông tin bài viết, ví dụ `slug = \"bai-{slug}\"`",
        en: "set another `slug` in the front matter, e.g. `slug = \"bai-{slug}\"`",
    }
    hint_tag_reserved() {
        vi: "viết thẻ dài hơn một chút, ví dụ thêm một từ",
        en: "make the tag a little longer, say by a word",
    }
    page_place_unknown() {
        vi: "chiso không biết trang này thuộc về đâu nên bỏ qua nó",
        en: "chiso does not know where this page belongs, so it is ignored",
    }
    hint_content_layout() {
        vi: "bài viết đặt trong content/tin-tuc/, phần giới thiệu của trang chủ trong content/_index.md",
        en: "articles go in content/tin-tuc/, the home page text in content/_index.md",
    }
    broken_link(url: &str) {
        vi: "liên kết `{url}` không dẫn tới trang nào của trang web",
        en: "the link `{url}` leads to no page of the site",
    }
    link_to_draft(url: &str, file: impl std::fmt::Display) {
        vi: "liên kết `{url}` dẫn tới bài nháp {file} (`draft = true`), bài này không được đăng: đăng bài đó (bỏ `draft = true`) hoặc bỏ liên kết",
        en: "the link `{url}` leads to the draft {file} (`draft = true`), which is not published: publish it (remove `draft = true`) or remove the link",
    }
    link_to_waiting_table(url: &str, year: i32, file: impl std::fmt::Display) {
        vi: "liên kết `{url}` dẫn tới bảng năm {year} ({file}), bảng này chưa có dòng kết quả nào nên chưa được đăng: thêm kết quả vào tệp đó, hoặc thêm liên kết khi đã có kết quả",
        en: "the link `{url}` leads to the table of {year} ({file}), which has no result yet and so is not published: add the results to that file, or add the link once they are out",
    }
    broken_anchor(url: &str, anchor: &str) {
        vi: "liên kết `{url}` dẫn tới một trang không có `#{anchor}`",
        en: "the link `{url}` leads to a page that has no `#{anchor}`",
    }
    hint_put_in_static(path: &str) {
        vi: "chép tệp vào static/{path}, hoặc sửa lại đường dẫn",
        en: "copy the file to static/{path}, or correct the path",
    }
    hint_link_from_root(url: &str) {
        vi: "viết `{url}`: liên kết không bắt đầu bằng / được tính từ trang đang xem (trang của bài là /tin-tuc/<slug>/), không phải từ gốc trang web",
        en: "write `{url}`: a link not starting with / is read from the page it is on (an article's is /tin-tuc/<slug>/), not from the site's root",
    }
    hint_link_without_base(base: &str, url: &str) {
        vi: "viết `{url}`: chiso tự thêm đường dẫn con `{base}` của base_url vào mọi liên kết từ gốc trang web, nên ghi cả nó thì nó có mặt hai lần",
        en: "write `{url}`: chiso adds the base_url's path `{base}` to every link from the site's root, so written it appears twice",
    }
    hint_did_you_mean_page(url: &str) {
        vi: "có phải ý bạn là `{url}`?",
        en: "did you mean `{url}`?",
    }
    hint_check_link() {
        vi: "kiểm tra lại địa chỉ: các trang của trang web có dạng /xep-hang/<năm>/<khối>/, /don-vi/<đơn vị>/, /chi-so/<chỉ số>/, /nam/<năm>/, /tin-tuc/<slug>/ và /the/<thẻ>/",
        en: "check the address: the site's pages are /xep-hang/<year>/<group>/, /don-vi/<unit>/, /chi-so/<index>/, /nam/<year>/, /tin-tuc/<slug>/ and /the/<tag>/",
    }
}
