//! Messages about components in levels: a component's `parent`, children
//! that add up to their parent, and a component's published rank.

messages! {
    component_parent_unknown(component: &str, parent: &str, index: &str) {
        let parent = super::quoted(parent);
        vi: "lĩnh vực `{component}` ghi `parent = \"{parent}\"`, nhưng chỉ số `{index}` không có lĩnh vực `{parent}`",
        en: "component `{component}` names `parent = \"{parent}\"`, but index `{index}` has no component `{parent}`",
    }
    hint_component_parent() {
        vi: "`parent` là id của một lĩnh vực khác của cùng chỉ số; lĩnh vực cấp cao nhất không ghi `parent`",
        en: "`parent` is the id of another component of the same index; a top-level component has no `parent`",
    }
    component_parent_in_other_index(component: &str, parent: &str, index: &str, other: &str) {
        vi: "lĩnh vực `{component}` của chỉ số `{index}` ghi `parent = \"{parent}\"`, nhưng `{parent}` là lĩnh vực của chỉ số `{other}`",
        en: "component `{component}` of index `{index}` names `parent = \"{parent}\"`, a component of index `{other}`",
    }
    hint_parent_same_index(index: &str) {
        vi: "một lĩnh vực chỉ có thể thuộc một lĩnh vực của cùng chỉ số: khai báo lĩnh vực cha trong `{index}`, hoặc sửa `parent`",
        en: "a component can only be part of a component of the same index: define the parent in `{index}`, or correct `parent`",
    }
    component_parent_cycle(cycle: &str) {
        vi: "các lĩnh vực {cycle} là cha của nhau theo vòng tròn",
        en: "components {cycle} are each other's parents in a cycle",
    }
    component_parent_itself(component: &str) {
        vi: "lĩnh vực `{component}` ghi chính nó là `parent`",
        en: "component `{component}` names itself as its `parent`",
    }
    hint_parent_cycle() {
        vi: "mỗi nhánh phải dừng ở một lĩnh vực cấp cao nhất (không ghi `parent`): xóa hoặc sửa `parent` của một lĩnh vực trong vòng",
        en: "every branch must end at a top-level component (no `parent`): remove or correct the `parent` of one component in the cycle",
    }
    children_max_do_not_sum(parent: &str, sum: &str, max: &str) {
        vi: "lĩnh vực `{parent}` có `sum_of_children = true`, nhưng điểm tối đa của các lĩnh vực con cộng lại được {sum}, không bằng `max = {max}` của nó",
        en: "component `{parent}` has `sum_of_children = true`, but its children's maxima add up to {sum}, not its `max = {max}`",
    }
    hint_children_max() {
        vi: "khi điểm các lĩnh vực con cộng lại thành điểm lĩnh vực cha, điểm tối đa cũng vậy: kiểm tra `max` của lĩnh vực cha và của từng lĩnh vực con",
        en: "when the children's scores add up to the parent's, so do their maxima: check the parent's `max` and each child's",
    }
    sum_of_children_without_children(component: &str) {
        vi: "lĩnh vực `{component}` có `sum_of_children = true` nhưng không có lĩnh vực con nào",
        en: "component `{component}` has `sum_of_children = true` but no children",
    }
    hint_sum_of_children_without_children(component: &str) {
        vi: "ghi `parent = \"{component}\"` ở các lĩnh vực con của nó, hoặc xóa `sum_of_children`",
        en: "write `parent = \"{component}\"` on its children, or remove `sum_of_children`",
    }
    children_do_not_sum(unit: &str, parent: &str, sum: &str, stated: &str) {
        vi: "các lĩnh vực con của `{parent}` ở `{unit}` cộng lại được {sum}, nhưng điểm của `{parent}` là {stated}",
        en: "the children of `{parent}` for `{unit}` add up to {sum}, but `{parent}` is {stated}",
    }
    hint_children_sum(parent: &str) {
        vi: "`{parent}` có `sum_of_children = true`: kiểm tra điểm từng lĩnh vực con; nếu chính bản công bố sai, ghi `{parent} = {{ score = …, disputed = \"lý do\" }}`",
        en: "`{parent}` has `sum_of_children = true`: check each child's score; if the publication itself is wrong, write `{parent} = {{ score = …, disputed = \"why\" }}`",
    }
    component_rank_differs(unit: &str, component: &str, stated: u32, derived: u32) {
        vi: "`{unit}` được ghi xếp thứ {stated} ở lĩnh vực `{component}`, nhưng điểm lĩnh vực này trong bảng cho hạng {derived}",
        en: "`{unit}` is stated as ranked {stated} on component `{component}`, but the table's scores on it give rank {derived}",
    }
    component_of_differs(unit: &str, component: &str, stated: u32, derived: u32) {
        vi: "`{unit}` ghi `of = {stated}` ở lĩnh vực `{component}`, nhưng bảng có {derived} đơn vị được xếp hạng",
        en: "`{unit}` states `of = {stated}` on component `{component}`, but the table ranks {derived} units",
    }
    hint_component_rank_derived() {
        vi: "hạng lĩnh vực được tính từ điểm lĩnh vực đó của mọi dòng trong bảng (đồng điểm thì đồng hạng): kiểm tra điểm và hạng; nếu chính bản công bố sai, thêm `disputed = \"lý do\"`",
        en: "a component's rank is derived from that component's scores on every line of the table (equal scores share a rank): check the scores and the rank; if the publication itself is wrong, add `disputed = \"why\"`",
    }
    component_rank_above_of(unit: &str, component: &str, rank: u32, of: u32) {
        vi: "`{unit}` được ghi xếp thứ {rank} trên tổng số {of} ở lĩnh vực `{component}`",
        en: "`{unit}` is ranked {rank} of {of} on component `{component}`",
    }
    component_rank_zero(unit: &str, component: &str) {
        vi: "hạng hoặc tổng số xếp hạng của `{unit}` ở lĩnh vực `{component}` bằng 0",
        en: "the rank or the number ranked of `{unit}` on component `{component}` is 0",
    }
    hint_component_rank_positive() {
        vi: "hạng bắt đầu từ 1, và không lớn hơn `of`",
        en: "ranks start at 1 and are at most `of`",
    }
    component_disputed_agrees(unit: &str, component: &str) {
        vi: "lĩnh vực `{component}` của `{unit}` ghi `disputed`, nhưng số liệu công bố khớp với số tính được",
        en: "component `{component}` of `{unit}` has `disputed`, but its published figures agree with the derived ones",
    }
    hint_remove_disputed() {
        vi: "xóa ghi chú này",
        en: "remove the note",
    }
}
