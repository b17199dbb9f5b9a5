//! Messages about the site's files and folders: reading them, where they are.

use std::fmt::Display;

use super::{language, Language};

messages! {
    cannot_read(error: &std::io::Error) {
        let error = os_error(error);
        vi: "không đọc được tệp: {error}",
        en: "cannot read the file: {error}",
    }
    not_utf8() {
        vi: "tệp không phải văn bản UTF-8",
        en: "the file is not UTF-8 text",
    }
    name_not_utf8() {
        vi: "tên tệp này không phải văn bản UTF-8 (được hiện với dấu �), nên không dùng được làm địa chỉ trên trang",
        en: "this file's name is not UTF-8 text (shown with �), so it cannot be an address on the site",
    }
    hint_rename_utf8() {
        vi: "đổi tên tệp (tên do một máy hoặc tệp nén dùng bảng mã cũ đặt): gõ lại tên trên máy này",
        en: "rename the file (named by a machine or an archive in an older encoding): type the name again on this machine",
    }
    hint_save_as_utf8() {
        vi: "lưu lại tệp với bảng mã UTF-8 (trong hầu hết trình soạn thảo: File → Save with Encoding → UTF-8; trong Excel: CSV UTF-8)",
        en: "save the file as UTF-8 (in most editors: File → Save with encoding → UTF-8)",
    }
    link_outside_site(target: impl Display) {
        vi: "đây là liên kết tới {target}, nằm ngoài thư mục trang, nên không được dùng",
        en: "this is a link to {target}, outside the site folder, so it is refused",
    }
    link_holds_the_folder(target: impl Display) {
        vi: "đây là liên kết tới {target}, thư mục chứa chính thư mục này (hoặc một tệp, thư mục ẩn như `.git`, `.env`): dùng nó sẽ chép mã nguồn của trang, kể cả bài nháp và tệp bí mật, vào trang công bố, nên không được dùng",
        en: "this is a link to {target}, which holds the folder it is in (or a hidden file or folder such as `.git`, `.env`): following it would publish the site's sources, drafts and secrets included, so it is refused",
    }
    link_to_a_source(target: impl Display) {
        vi: "đây là liên kết tới {target}, thuộc mã nguồn của trang (`content/`, `data/`, `templates/`, `config.toml`) hoặc một thư mục xuất bản: chép nó vào `static/` sẽ công bố cả bài nháp, hay chép lại các lần dựng trước, nên không được dùng",
        en: "this is a link to {target}, part of the site's sources (`content/`, `data/`, `templates/`, `config.toml`) or an output folder: copying it into `static/` would publish drafts, or earlier builds, so it is refused",
    }
    hidden_static_not_published() {
        vi: "tệp hoặc thư mục ẩn (tên bắt đầu bằng `.`) trong `static/` không được công bố: tệp ẩn thường là tệp bí mật hoặc của công cụ (`.env`, `.htpasswd`, `.ssh/`)",
        en: "a hidden file or folder (its name starts with `.`) in `static/` is not published: hidden files are usually secrets or a tool's (`.env`, `.htpasswd`, `.ssh/`)",
    }
    hint_hidden_static() {
        vi: "chỉ `.well-known/`, `.nojekyll` và `.htaccess` được công bố; đổi tên tệp nếu cần công bố nó, hoặc chuyển nó ra ngoài `static/`",
        en: "only `.well-known/`, `.nojekyll` and `.htaccess` are published; rename the file to publish it, or move it out of `static/`",
    }
    hint_link_to_what_to_publish() {
        vi: "tạo liên kết tới đúng thư mục hoặc tệp cần công bố, hoặc chép chúng vào `static/`",
        en: "link to the very folder or file to publish, or copy it into `static/`",
    }
    hint_copy_into_site() {
        vi: "hãy chép tệp vào thư mục trang thay vì tạo liên kết tới nó",
        en: "copy the file into the site folder instead of linking to it",
    }
    no_config(root: impl Display) {
        vi: "không có tệp config.toml trong {root}",
        en: "no config.toml in {root}",
    }
    hint_run_in_site() {
        vi: "hãy chạy chiso trong thư mục của trang, hoặc chỉ ra thư mục đó bằng --root DIR",
        en: "run chiso in a site folder, or point at one with --root DIR",
    }
    no_data_folder() {
        vi: "trang không có thư mục data/",
        en: "the site has no data/ folder",
    }
    hint_data_layout() {
        vi: "data/ chứa indices.toml, units.toml, results/<năm>/<tệp>.toml và, nếu có bản đồ ô, tiles.toml (hoặc .json)",
        en: "data/ holds indices.toml, units.toml, results/<year>/<file>.toml and, for a tile-grid map, tiles.toml (or .json)",
    }
    hint_import_leftover() {
        vi: "tệp tạm của một lần `chiso import` bị dừng giữa chừng; bảng cũ vẫn nguyên, có thể xóa tệp này",
        en: "a temporary file of a `chiso import` that was stopped half way; the table itself is intact, and this file may be deleted",
    }
    data_file_not_toml_or_json() {
        vi: "tệp này trong data/ không phải .toml hay .json nên bị bỏ qua",
        en: "this file in data/ is neither .toml nor .json, so it is ignored",
    }
    data_file_unknown() {
        vi: "chiso không biết tệp dữ liệu này chứa gì nên bỏ qua nó",
        en: "chiso does not know what this data file holds, so it is ignored",
    }
}

/// An error of the operating system as said to an editor: in English as
/// the system says it; in Vietnamese, for the common kinds, in Vietnamese
/// with the system's code kept ("không phải là thư mục (mã lỗi hệ thống
/// 20)"). An error that is not the system's, or of a kind not listed, is
/// said as it is.
pub fn os_error(error: &std::io::Error) -> String {
    match language() {
        Language::Vietnamese => os_error_vietnamese(error).unwrap_or_else(|| error.to_string()),
        Language::English => error.to_string(),
    }
}

fn os_error_vietnamese(error: &std::io::Error) -> Option<String> {
    use std::io::ErrorKind as Kind;
    let code = error.raw_os_error()?;
    // Too many levels of symbolic links: `ErrorKind::FilesystemLoop` is
    // not stable.
    #[cfg(unix)]
    let looped = code == libc::ELOOP;
    #[cfg(not(unix))]
    let looped = false;
    let text = match error.kind() {
        _ if looped => "quá nhiều tầng liên kết tượng trưng (có thể là một vòng liên kết)",
        Kind::NotFound => "không có tệp hay thư mục này",
        Kind::PermissionDenied => "không có quyền truy cập",
        Kind::AlreadyExists => "đã có tệp hay thư mục này",
        Kind::NotADirectory => "không phải là thư mục",
        Kind::IsADirectory => "đây là một thư mục, không phải tệp",
        Kind::DirectoryNotEmpty => "thư mục không trống",
        Kind::InvalidFilename => "tên tệp không hợp lệ hoặc quá dài",
        Kind::TooManyLinks => "quá nhiều liên kết tới tệp",
        Kind::StorageFull => "ổ đĩa đã đầy",
        Kind::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc, không ghi được",
        Kind::FileTooLarge => "tệp quá lớn",
        Kind::ResourceBusy => "tệp hay thư mục đang được dùng",
        Kind::CrossesDevices => "không chuyển được sang ổ đĩa khác",
        Kind::OutOfMemory => "không đủ bộ nhớ",
        Kind::AddrInUse => "cổng này đang được một chương trình khác dùng",
        Kind::AddrNotAvailable => "địa chỉ này không có trên máy",
        _ => return None,
    };
    Some(format!("{text} (mã lỗi hệ thống {code})"))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Error;

    #[test]
    fn system_errors_are_said_in_vietnamese_with_their_code() {
        let said = |code| os_error_vietnamese(&Error::from_raw_os_error(code));
        assert_eq!(
            said(libc::ENOTDIR).as_deref(),
            Some(format!("không phải là thư mục (mã lỗi hệ thống {})", libc::ENOTDIR).as_str())
        );
        for code in [
            libc::ENOENT,
            libc::EACCES,
            libc::EEXIST,
            libc::EISDIR,
            libc::ENOTEMPTY,
            libc::ENAMETOOLONG,
            libc::ELOOP,
            libc::ENOSPC,
            libc::EROFS,
        ] {
            let text = said(code).unwrap_or_default();
            assert!(
                text.ends_with(&format!(" (mã lỗi hệ thống {code})")),
                "{text}"
            );
            assert!(!text.contains("os error"), "{text}");
        }
        // Not the system's words, or a kind not listed: said as it is.
        assert_eq!(os_error_vietnamese(&Error::other("disk full")), None);
        assert_eq!(said(libc::EDOM), None);
        // English is the system's own text.
        let missing = Error::from_raw_os_error(libc::ENOENT);
        assert_eq!(
            cannot_read(&missing),
            format!("cannot read the file: {missing}")
        );
    }
}
