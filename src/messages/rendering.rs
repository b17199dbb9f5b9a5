//! Messages about rendering and writing the site: templates, shortcodes,
//! pages that clash, the output folder.

use std::fmt::Display;

messages! {
    article_checks_skipped() {
        vi: "chưa kiểm tra shortcode và liên kết trong các bài viết vì còn các lỗi trên: sửa chúng rồi chạy lại",
        en: "the shortcodes and links in the articles were not checked because of the errors above: fix them and run again",
    }
    same_url(path: &str, first: &str, second: &str) {
        vi: "hai trang sẽ cùng được ghi vào /{path}: {first} và {second}",
        en: "two pages would be written to /{path}: {first} and {second}",
    }
    // ---- The pages, as messages name them ----

    page_home() {
        vi: "trang chủ",
        en: "the home page",
    }
    page_index(id: &str) {
        vi: "trang của chỉ số `{id}`",
        en: "the page of index `{id}`",
    }
    page_year(year: i32) {
        vi: "trang của năm {year}",
        en: "the page of year {year}",
    }
    page_ranking(year: i32, group: &str) {
        vi: "trang bảng xếp hạng năm {year}, khối {group}",
        en: "the ranking page for {year}, {group}",
    }
    page_unit(id: &str) {
        vi: "trang của đơn vị `{id}`",
        en: "the page of unit `{id}`",
    }
    page_article_list(number: usize) {
        vi: "trang danh sách bài viết số {number}",
        en: "article list page {number}",
    }
    page_article(file: impl Display) {
        vi: "bài viết {file}",
        en: "the article {file}",
    }
    page_tag(tag: &str) {
        vi: "trang của thẻ `{tag}`",
        en: "the page of tag `{tag}`",
    }
    page_tag_page(tag: &str, number: usize) {
        vi: "trang số {number} của thẻ `{tag}`",
        en: "page {number} of tag `{tag}`",
    }
    page_tags() {
        vi: "trang danh sách thẻ",
        en: "the list of tags",
    }
    page_data() {
        vi: "trang dữ liệu mở",
        en: "the open data page",
    }
    page_search() {
        vi: "trang tìm kiếm",
        en: "the search page",
    }
    page_not_found() {
        vi: "trang báo không tìm thấy",
        en: "the not-found page",
    }

    hint_different_slug() {
        vi: "đặt cho một trong hai trang một mã hoặc slug khác",
        en: "give one of them a different id or slug",
    }
    template_failed(page: &str, cause: &str) {
        let page = super::term(page);
        vi: "không dựng được {page}: {cause}",
        en: "cannot render {page}: {cause}",
    }
    bad_shortcode(cause: &str) {
        vi: "không hiển thị được mã chèn (shortcode): {cause}",
        en: "cannot expand a shortcode: {cause}",
    }
    hint_shortcode() {
        vi: "các mã chèn và tham số của chúng được mô tả trong tài liệu của chiso (README, mục “Data in articles”)",
        en: "chiso's documentation (its README, “Data in articles”) describes the shortcodes and their arguments",
    }
    /// Where a problem in a built-in template is, in place of a file name.
    built_in_template(name: &str) {
        vi: "(giao diện dựng sẵn) {name}",
        en: "(built-in template) {name}",
    }
    parent_lacks_block(parent: &str, block: &str, child: &str) {
        vi: "giao diện `{parent}` của trang thiếu khối `{block}`, mà giao diện dựng sẵn `{child}` điền vào (có thể `{parent}` này được chép từ một phiên bản chiso cũ hơn)",
        en: "the site's `{parent}` has no block `{block}`, which the built-in `{child}` fills (this `{parent}` may have been copied from an older version of chiso)",
    }
    hint_parent_lacks_block(parent: &str, block: &str) {
        vi: "thêm {{% block {block} %}}{{% endblock {block} %}} vào templates/{parent}, ở chỗ giao diện dựng sẵn đặt khối này (xem bản dựng sẵn: `chiso templates copy {parent}` trong một trang mới tạo bằng `chiso init`)",
        en: "add {{% block {block} %}}{{% endblock {block} %}} to templates/{parent}, where the built-in template has it (to see the built-in one: `chiso templates copy {parent}` in a new site made with `chiso init`)",
    }
    template_syntax(cause: &str) {
        vi: "không đọc được giao diện (template): {cause}",
        en: "the template cannot be read: {cause}",
    }
    hint_template_syntax() {
        vi: "kiểm tra các thẻ {{{{ … }}}} và {{% … %}} quanh chỗ này: có thể một thẻ chưa đóng hoặc viết thiếu",
        en: "check the {{{{ … }}}} and {{% … %}} tags around this place: one may be unclosed or incomplete",
    }
    hint_template_unclosed(tag: &str, line: usize) {
        vi: "thẻ {{% {tag} %}} mở ở dòng {line} chưa được đóng: thêm {{% end{tag} %}} vào chỗ nó kết thúc",
        en: "the {{% {tag} %}} opened on line {line} is not closed: add {{% end{tag} %}} where it ends",
    }
    hint_template_tera1(tag: &str) {
        vi: "Tera 2 không còn thẻ {{% {tag} %}} của Tera 1: macro nay là component, định nghĩa trong components.html và gọi bằng {{{{<ten_component />}}}} (xem README, mục Templates)",
        en: "Tera 2 has no {{% {tag} %}} of Tera 1: macros are components now, defined in components.html and called as {{{{<component_name />}}}} (see README, Templates)",
    }
    hint_template_list_index(list: &str, index: &str) {
        vi: "Tera 2 viết phần tử của danh sách trong ngoặc vuông: `{list}[{index}]`, không phải `{list}.{index}` như Tera 1",
        en: "Tera 2 writes an item of a list in brackets: `{list}[{index}]`, not `{list}.{index}` as Tera 1 did",
    }
    hint_template_tera1_call() {
        vi: "Tera 2 không còn lời gọi macro ten_tep::ten_macro(…) của Tera 1: macro nay là component, định nghĩa trong components.html và gọi bằng {{{{<ten_component />}}}} (xem README, mục Templates)",
        en: "Tera 2 has no macro call file::macro_name(…) of Tera 1: macros are components now, defined in components.html and called as {{{{<component_name />}}}} (see README, Templates)",
    }
    hint_template_variables(names: &str) {
        vi: "các biến giao diện này dùng được ở đây: {names}",
        en: "the variables this template can use here: {names}",
    }
    hint_template_fields(names: &str) {
        vi: "các trường của giá trị này: {names}",
        en: "the fields this value has: {names}",
    }
    template_unknown_filter(name: &str) {
        vi: "giao diện dùng bộ lọc `{name}`, nhưng không có bộ lọc nào tên như vậy",
        en: "the template uses the filter `{name}`, but there is no filter of that name",
    }
    hint_template_unknown_filter() {
        vi: "kiểm tra tên bộ lọc: dùng được các bộ lọc có sẵn của Tera 2 và của chiso (README, \"Template filters\")",
        en: "check the filter's name: Tera 2's built-in filters and chiso's (README, \"Template filters\") are the ones there are",
    }
    template_unknown_test(name: &str) {
        vi: "giao diện dùng phép thử `{name}` (sau `is`), nhưng không có phép thử nào tên như vậy",
        en: "the template uses the test `{name}` (after `is`), but there is no test of that name",
    }
    template_unknown_function(name: &str) {
        vi: "giao diện gọi hàm `{name}`, nhưng không có hàm nào tên như vậy",
        en: "the template calls the function `{name}`, but there is no function of that name",
    }
    hint_template_tera_names() {
        vi: "kiểm tra tên: dùng được các phép thử và hàm có sẵn của Tera",
        en: "check the name: Tera's own tests and functions are the ones there are",
    }
    template_unknown_component(name: &str) {
        vi: "giao diện dùng thành phần (component) `{name}`, nhưng không giao diện nào định nghĩa nó",
        en: "the template uses the component `{name}`, but no template defines it",
    }
    template_components_replaced(names: &str) {
        vi: "templates/components.html của trang thay cho tệp cùng tên của chiso, nhưng không có các thành phần mà giao diện dựng sẵn dùng: {names}",
        en: "the site's templates/components.html replaces chiso's, but lacks the components the built-in templates use: {names}",
    }
    hint_template_components_replaced() {
        vi: "chạy `chiso templates copy components.html` để chép tệp của chiso (sau khi đổi tên tệp của bạn), rồi thêm các thành phần của bạn vào cuối tệp đó",
        en: "run `chiso templates copy components.html` to copy chiso's (after renaming yours), then add your components at its end",
    }
    hint_template_unknown_component() {
        vi: "kiểm tra tên thành phần, hoặc định nghĩa nó bằng {{% component %}} trong một giao diện",
        en: "check the component's name, or define it with {{% component %}} in a template",
    }
    template_unknown_include(name: &str) {
        vi: "giao diện chèn (include) `{name}`, nhưng không có giao diện nào tên như vậy",
        en: "the template includes `{name}`, but there is no template of that name",
    }
    hint_template_unknown_include() {
        vi: "kiểm tra tên tệp: đường dẫn tính từ thư mục templates/ (ví dụ `partials/footer.html`)",
        en: "check the file name: paths start in the templates/ folder (`partials/footer.html`)",
    }
    template_block_not_in_parent(block: &str) {
        vi: "khối `{block}` không có trong giao diện nào mà giao diện này kế thừa (extends)",
        en: "block `{block}` is in no template this one extends",
    }
    hint_template_block_not_in_parent() {
        vi: "kiểm tra tên khối: nó phải trùng với một {{% block %}} của giao diện cha",
        en: "check the block's name: it must be one of the parent template's {{% block %}}s",
    }
    hint_template() {
        vi: "kiểm tra giao diện: một biến không tồn tại, hoặc một bộ lọc nhận sai loại giá trị",
        en: "check the template: a variable that does not exist, or a filter given the wrong kind of value",
    }
    cannot_write(path: impl Display, error: &std::io::Error) {
        let error = super::os_error(error);
        vi: "không ghi được {path}: {error}",
        en: "cannot write {path}: {error}",
    }
    output_protected(output: impl Display, why: impl Display) {
        vi: "không dùng {output} làm thư mục xuất bản: {why}; mỗi lần dựng trang sẽ thay toàn bộ nội dung trong đó",
        en: "refusing to use {output} as the output folder: {why}; building replaces everything in it",
    }
    protected_site() {
        vi: "đó là thư mục của trang hoặc chứa thư mục của trang",
        en: "it is the site folder or holds it",
    }
    protected_other_site() {
        vi: "đó là thư mục của một trang khác, hoặc chứa một trang khác (có config.toml cùng data/ hoặc content/): nội dung của trang đó sẽ bị xóa",
        en: "it is another site's folder, or holds one (config.toml with data/ or content/): that site's files would be deleted",
    }
    protected_other_sources(folder: &str) {
        vi: "nó nằm trong thư mục `{folder}/` của một trang khác",
        en: "it lies inside another site's `{folder}/` folder",
    }
    protected_sources(folder: &str) {
        vi: "nó nằm trong thư mục `{folder}/` của trang",
        en: "it lies inside the site's `{folder}/` folder",
    }
    protected_home() {
        vi: "đó là thư mục cá nhân (home) của bạn hoặc chứa nó",
        en: "it is your home folder or holds it",
    }
    protected_root() {
        vi: "đó là thư mục gốc của một ổ đĩa",
        en: "it is the root of a disk",
    }
    protected_repository() {
        vi: "nó chứa một kho Git (.git), mà các lần dựng sau sẽ xóa cùng bản dựng cũ",
        en: "it holds a Git repository (.git), which later builds would delete with the old site",
    }
    old_output_holds_a_repository(path: impl Display) {
        vi: "{path} là một kho Git nằm trong bản dựng cũ mà lần dựng này phải xóa; chiso không xóa kho Git",
        en: "{path} is a Git repository inside the old build this build must delete; chiso does not delete a Git repository",
    }
    old_output_holds_a_site(path: impl Display) {
        vi: "{path} là một trang chiso (config.toml bên cạnh data/ hoặc content/) nằm trong bản dựng cũ mà lần dựng này phải xóa; chiso không xóa mã nguồn của một trang",
        en: "{path} is a chiso site (config.toml beside data/ or content/) inside the old build this build must delete; chiso does not delete a site's sources",
    }
    hint_move_the_site() {
        vi: "chuyển trang đó ra ngoài thư mục đầu ra rồi dựng lại: thư mục đầu ra (và bản dựng cũ cạnh nó) chỉ chứa những gì chiso ghi",
        en: "move that site out of the output folder and build again: the output folder (and the old build beside it) holds only what chiso writes",
    }
    template_unused(name: &str) {
        vi: "templates/{name} không thay giao diện có sẵn nào và không được giao diện nào gọi tới: chiso không dùng tệp này",
        en: "templates/{name} replaces no built-in template and no template includes it: chiso does not use it",
    }
    template_loop(tag: &str, chain: &str) {
        vi: "các giao diện gọi nhau ({{% {tag} %}}) thành vòng: {chain}",
        en: "templates call each other ({{% {tag} %}}) in a loop: {chain}",
    }
    hint_template_loop(tag: &str) {
        vi: "bỏ một {{% {tag} %}} trong vòng này: một giao diện không thể chứa chính nó",
        en: "remove one {{% {tag} %}} of the loop: a template cannot hold itself",
    }
    template_parent_missing(parent: &str) {
        vi: "giao diện kế thừa (extends) `{parent}`, nhưng không có giao diện nào tên như vậy",
        en: "the template extends `{parent}`, but there is no template of that name",
    }
    hint_template_parent_missing() {
        vi: "kiểm tra tên: `chiso templates list` liệt kê các giao diện có sẵn; giao diện của trang đặt trong templates/",
        en: "check the name: `chiso templates list` lists the built-in templates; the site's own are in templates/",
    }
    template_empty(name: &str) {
        vi: "templates/{name} trống: mọi trang (hoặc phần trang) do nó dựng sẽ được đăng trống",
        en: "templates/{name} is empty: every page (or part of a page) it makes is published empty",
    }
    hint_template_empty(name: &str) {
        vi: "xóa tệp để dùng lại giao diện có sẵn, hoặc chép nó bằng `chiso templates copy {name}` rồi sửa",
        en: "delete the file to use the built-in template again, or copy it with `chiso templates copy {name}` and edit that",
    }
    hint_template_meant(name: &str) {
        vi: "có phải ý bạn là templates/{name}? Tên phải giống hệt, kể cả chữ hoa, chữ thường và thư mục (`chiso templates list` liệt kê các tên)",
        en: "did you mean templates/{name}? The name must match exactly, letter case and folder included (`chiso templates list` lists the names)",
    }
    hint_template_names() {
        vi: "để thay một giao diện có sẵn, chép nó bằng `chiso templates copy TÊN` (`chiso templates list` liệt kê các tên); một tệp riêng của bạn cần được gọi bằng {{% include \"…\" %}} hoặc {{% extends \"…\" %}}",
        en: "to replace a built-in template, copy it with `chiso templates copy NAME` (`chiso templates list` lists the names); a file of your own must be named in an {{% include \"…\" %}} or {{% extends \"…\" %}}",
    }
    hint_move_the_repository() {
        vi: "chuyển kho đó ra ngoài thư mục đầu ra rồi dựng lại: thư mục đầu ra (và bản dựng cũ cạnh nó) chỉ chứa những gì chiso ghi",
        en: "move that repository out of the output folder and build again: the output folder (and the old build beside it) holds only what chiso writes",
    }
    hint_output_repository() {
        vi: "dựng vào một thư mục riêng (ví dụ --output public) rồi xuất bản bằng quy trình CI mà `chiso init` tạo, hoặc chép nội dung thư mục đó vào kho",
        en: "build into a folder of its own (e.g. --output public) and publish it with the CI workflow `chiso init` writes, or copy that folder's contents into the repository",
    }
    hint_output() {
        vi: "chọn một thư mục chỉ dùng để chứa trang đã dựng, ví dụ --output public",
        en: "choose a folder that only holds the built site, e.g. --output public",
    }
    output_not_ours(output: impl Display, entries: impl Display) {
        vi: "không dựng trang vào {output}: thư mục có những tệp không do chiso ghi ({entries}), mà mỗi lần dựng trang sẽ thay toàn bộ thư mục xuất bản",
        en: "refusing to build into {output}: it holds files that no chiso build wrote ({entries}), and a build replaces everything in its output folder",
    }
    hint_output_not_ours() {
        vi: "chọn một thư mục trống hoặc mới; nếu thư mục này chỉ chứa bản dựng trước đây của chính trang này, hãy xóa nó hoặc thêm --force một lần để chiso nhận nó (các tệp cũ được chuyển sang thư mục <tên>.truoc-chiso bên cạnh, không bị xóa)",
        en: "choose an empty or new folder; if this folder only holds an earlier build of this site, delete it or add --force once to adopt it (its files are moved to a folder <name>.truoc-chiso beside it, not deleted)",
    }
    output_adopted(output: impl Display, aside: impl Display) {
        vi: "{output} chưa phải thư mục của chiso (--force): các tệp cũ của nó đã được chuyển sang {aside}",
        en: "{output} was not chiso's folder (--force): its former files were moved to {aside}",
    }
    hint_output_adopted() {
        vi: "chiso không bao giờ xóa thư mục đó: xem lại rồi xóa khi không cần nữa",
        en: "chiso never deletes that folder: look through it, and delete it once it is not needed",
    }
    output_files_set_aside(count: usize, output: impl Display, aside: impl Display, files: &str) {
        vi: "{count} tệp trong {output} không do chiso ghi (được thêm vào sau một lần dựng) đã được chuyển sang {aside}, không bị xóa: {files}",
        en: "{count} files in {output} that no chiso build wrote (put there after a build) were moved to {aside}, not deleted: {files}",
    }
    hint_output_files_set_aside() {
        vi: "thư mục xuất được thay toàn bộ mỗi lần dựng: để tệp của bạn trong `static/` (chiso chép chúng vào trang) hoặc ở nơi khác; chiso không bao giờ xóa thư mục chúng được chuyển tới",
        en: "the output folder is replaced whole at every build: keep your files in `static/` (chiso copies them into the site) or elsewhere; chiso never deletes the folder they were moved to",
    }
    output_not_a_folder(output: impl Display) {
        vi: "không ghi được trang vào {output}: đó là một tệp, không phải thư mục",
        en: "cannot write the site to {output}: it is a file, not a folder",
    }
    file_and_folder(path: impl Display) {
        vi: "trang có tệp `{path}` và đồng thời có tệp nằm trong thư mục cùng tên",
        en: "the site has a file `{path}` and also files inside a folder of that name",
    }
    static_same_name(path: &str, other: &str) {
        vi: "tệp này và `{other}` trong static/ cùng được đăng thành `/{path}`: tên của chúng chỉ khác cách mã hóa dấu (NFC, NFD)",
        en: "this file and `{other}` in static/ are both published as `/{path}`: their names differ only in how the diacritics are encoded (NFC, NFD)",
    }
    hint_static_same_name() {
        vi: "giữ một trong hai tệp; trang đăng tên ở dạng NFC",
        en: "keep one of the two files; the site publishes names in NFC",
    }
    static_replaces_page(path: &str) {
        vi: "tệp này sẽ thay thế trang `/{path}` do chiso tạo",
        en: "this file would replace the page `/{path}` that chiso makes",
    }
    static_where_folder(path: &str) {
        vi: "tệp này nằm đúng chỗ thư mục `/{path}/` mà chiso tạo cho các trang của trang web: không thể ghi cả hai",
        en: "this file is where chiso makes the folder `/{path}/` for the site's pages: both cannot be written",
    }
    static_inside_file(file: &str) {
        vi: "tệp này nằm trong thư mục `{file}`, nhưng `/{file}` là một tệp do chiso tạo: không thể ghi cả hai",
        en: "this file is in a folder `{file}`, but chiso makes `/{file}` as a file: both cannot be written",
    }
    hint_static_folder_clash() {
        vi: "đổi tên hoặc chuyển tệp (hay thư mục chứa nó) trong static/: trong trang đã dựng, một tên không thể vừa là tệp vừa là thư mục",
        en: "rename or move the file (or its folder) in static/: in the built site, one name cannot be both a file and a folder",
    }
    hint_static_robots() {
        vi: "xóa tệp này và ghi nội dung robots.txt của trang vào `robots_txt` trong config.toml, ví dụ robots_txt = \"User-agent: *\\nDisallow: /\\n\" cho một bản thử nghiệm",
        en: "delete this file and write the site's robots.txt in `robots_txt` in config.toml, e.g. robots_txt = \"User-agent: *\\nDisallow: /\\n\" for a staging copy",
    }
    hint_static_stylesheet() {
        vi: "đặt tên khác cho tệp (ví dụ static/css/rieng.css) và ghi nó vào `stylesheets` trong config.toml: trang nạp nó sau chiso.css, nên các quy tắc của nó được ưu tiên",
        en: "give the file another name (e.g. static/css/rieng.css) and list it in `stylesheets` in config.toml: pages load it after chiso.css, so its rules win",
    }
    hint_static_rename() {
        vi: "đổi tên hoặc chuyển tệp trong static/: chiso tạo tệp này",
        en: "rename or move the file in static/: chiso makes this file",
    }
    hint_static_clash() {
        vi: "đổi tên hoặc chuyển tệp trong static/; muốn sửa một trang do chiso tạo (như 404.html) thì hãy thay giao diện của nó trong templates/",
        en: "rename or move the file in static/; to change a page chiso makes (such as 404.html), override its template in templates/ instead",
    }
    page_made_twice(path: &str) {
        vi: "trang `/{path}` được dựng hai lần",
        en: "the page `/{path}` is made twice",
    }
    filter_decimals() {
        vi: "`decimals` phải là số nguyên từ 0 đến 12",
        en: "`decimals` must be a whole number from 0 to 12",
    }
    filter_unknown_argument(filter: &str, argument: &str, allowed: &str) {
        vi: "bộ lọc `{filter}` không có tham số `{argument}`; {allowed}",
        en: "the filter `{filter}` has no argument `{argument}`; {allowed}",
    }
    /// For [`filter_unknown_argument`]: the arguments a filter takes.
    filter_arguments(allowed: &str) {
        vi: "tham số của nó là {allowed}",
        en: "its arguments are {allowed}",
    }
    /// For [`filter_unknown_argument`]: a filter without arguments.
    filter_no_arguments() {
        vi: "bộ lọc này không nhận tham số nào",
        en: "it takes no arguments",
    }
    filter_needs_number(filter: &str, value: &str) {
        vi: "bộ lọc `{filter}` cần một số, nhưng nhận được `{value}`",
        en: "`{filter}` needs a number, got `{value}`",
    }
    filter_needs_whole_number(filter: &str, value: &str) {
        vi: "bộ lọc `{filter}` cần một số nguyên, nhưng nhận được `{value}`",
        en: "`{filter}` needs a whole number, got `{value}`",
    }
    filter_needs_date(value: &str) {
        vi: "bộ lọc `vi_date` cần một ngày viết như \"2024-05-07\", nhưng nhận được `{value}`",
        en: "`vi_date` needs a date such as \"2024-05-07\", got `{value}`",
    }
    filter_date_format(format: &str) {
        vi: "`format` của bộ lọc `vi_date` là \"long\" hoặc \"short\", không phải \"{format}\"",
        en: "`vi_date` format is \"long\" or \"short\", not \"{format}\"",
    }
}
