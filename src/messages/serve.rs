//! Messages of `chiso serve`: starting, watching, rebuilding, and the page a
//! refused host gets.

use std::fmt::Display;

messages! {
    cannot_listen(address: impl Display, error: &std::io::Error) {
        let error = super::os_error(error);
        vi: "không mở được cổng {address}: {error}",
        en: "cannot listen on {address}: {error}",
    }
    hint_other_port() {
        vi: "chọn cổng khác bằng --port N, hoặc --port 0 để lấy một cổng bất kỳ còn trống",
        en: "choose another port with --port N, or --port 0 for any free one",
    }
    hint_other_address() {
        vi: "bỏ --bind để chỉ mở trên máy này (127.0.0.1), hoặc ghi --bind 0.0.0.0 để máy khác trong mạng cũng xem được, hoặc một địa chỉ IP của chính máy này",
        en: "leave out --bind to listen on this computer only (127.0.0.1), or give --bind 0.0.0.0 for other computers on the network, or one of this computer's own IP addresses",
    }
    cannot_watch(what: impl Display, error: impl Display) {
        let what = super::term(&what.to_string());
        vi: "không theo dõi được thay đổi của {what}: {error}",
        en: "cannot watch {what} for changes: {error}",
    }
    watching_stopped() {
        vi: "đã ngừng theo dõi thay đổi của trang",
        en: "watching the site for changes stopped",
    }
    cannot_accept(error: &std::io::Error) {
        let error = super::os_error(error);
        vi: "không nhận được một kết nối ({error}); sẽ thử lại khi các kết nối khác đóng",
        en: "cannot accept a connection ({error}); trying again as connections close",
    }
    serving(address: impl Display) {
        vi: "Bản xem trước đang chạy tại http://{address}/ (nhấn Ctrl+C để dừng)",
        en: "Serving the site at http://{address}/ (Ctrl+C to stop)",
    }
    serving_to_network(ip: impl Display) {
        vi: "cảnh báo: đang nghe trên {ip}, nên các máy khác cũng xem được bản xem trước",
        en: "warning: listening on {ip}, so other computers can see the preview",
    }
    served_built(pages: usize, millis: u128) {
        vi: "Đã dựng {pages} trang trong {millis} ms",
        en: "Built {pages} pages in {millis} ms",
    }
    served_rebuilt(changed: &str, pages: usize, millis: u128) {
        vi: "Đã dựng lại sau khi {changed} thay đổi: {pages} trang trong {millis} ms",
        en: "Rebuilt after changes in {changed}: {pages} pages in {millis} ms",
    }
    warnings_as_before(warnings: usize) {
        let warnings = super::terms::warning_count(warnings);
        vi: "({warnings} như lần dựng trước, không in lại)",
        en: "({warnings} as in the last build, not printed again)",
    }
    served_rebuilt_partly(changed: &str, pages: usize, millis: u128) {
        vi: "Đã dựng lại sau khi {changed} thay đổi: {pages} trang (chỉ phần bị ảnh hưởng) trong {millis} ms",
        en: "Rebuilt after changes in {changed}: {pages} pages (only what the edit touched) in {millis} ms",
    }
    serve_build_failed(errors: usize) {
        let errors = super::terms::error_count(errors);
        vi: "Không dựng được trang: {errors}",
        en: "The build failed with {errors}",
    }
    serve_rebuild_failed(changed: &str, errors: usize) {
        let errors = super::terms::error_count(errors);
        vi: "Không dựng lại được trang sau khi {changed} thay đổi: {errors}",
        en: "The rebuild after changes in {changed} failed with {errors}",
    }
    still_serving() {
        vi: "vẫn đang hiện bản dựng tốt gần nhất",
        en: "still serving the last good site",
    }
    cannot_open_browser(error: impl Display) {
        vi: "không mở được trình duyệt: {error}; hãy tự mở địa chỉ ở trên",
        en: "cannot open the browser: {error}; open the address above yourself",
    }
    nothing_to_serve() {
        vi: "chưa có gì để hiện cho tới khi sửa xong các lỗi",
        en: "nothing to serve until the errors are fixed",
    }
    /// The text of the page a request for another host gets: which names
    /// the preview answers for.
    host_refused(answered: &str) {
        vi: "<p>Máy chủ xem trước của chiso chỉ trả lời các yêu cầu gửi tới {answered}. Để xem từ máy khác, chạy <code>chiso serve --bind 0.0.0.0</code>.</p>",
        en: "<p>chiso's preview server only answers requests sent to {answered}. To see the preview from another computer, run <code>chiso serve --bind 0.0.0.0</code>.</p>",
    }
}

/// The title of the page a request for another host gets (in the browser).
pub fn host_refused_title() -> &'static str {
    match super::language() {
        super::Language::Vietnamese => HOST_REFUSED_TITLE.vi,
        super::Language::English => HOST_REFUSED_TITLE.en,
    }
}

/// [`host_refused_title`]'s texts, also listed in the catalogue.
pub(crate) const HOST_REFUSED_TITLE: super::Entry = super::Entry {
    name: "host_refused_title",
    vi: "Địa chỉ không được phép",
    en: "Address not allowed",
    neutral: false,
};
