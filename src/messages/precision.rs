//! Messages about published precision: the `decimals` of an index, a
//! component, a table or a single result.

messages! {
    hint_decimals_range() {
        vi: "ghi số chữ số thập phân đã công bố, từ 0 đến 6 (ví dụ `decimals = 2`)",
        en: "write the number of decimals published, from 0 to 6 (e.g. `decimals = 2`)",
    }
}
