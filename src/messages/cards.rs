//! Messages of the share cards (`og:image`): a card that could not be drawn,
//! and a cache folder that cannot be used.

use std::fmt::Display;

messages! {
    card_failed(card: impl Display, error: impl Display) {
        vi: "không vẽ được ảnh chia sẻ {card}: {error}",
        en: "cannot draw the share image {card}: {error}",
    }
    hint_card_failed() {
        vi: "đây là lỗi của chiso, xin báo lại kèm tệp dữ liệu; có thể tắt ảnh chia sẻ bằng [share_cards] enabled = false trong config.toml",
        en: "this is a bug in chiso, please report it with the data file; share images can be turned off with [share_cards] enabled = false in config.toml",
    }
    card_cache_unusable(folder: impl Display, error: &std::io::Error) {
        let error = super::os_error(error);
        vi: "không dùng được thư mục lưu tạm ảnh chia sẻ {folder}: {error}; các ảnh được vẽ lại mỗi lần dựng trang",
        en: "cannot use the share images' cache folder {folder}: {error}; the images are drawn again at every build",
    }
}
