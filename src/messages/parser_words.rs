//! The TOML, JSON and template parsers speak English. Their phrases are
//! said here in Vietnamese, so that an editor reading "viết sai cú pháp: …"
//! reads the rest in Vietnamese too; names and the text in backticks stay
//! as written, and a phrase not in the table is left as the parser said it
//! (in English runs, everything is).
//!
//! The TOML table holds every text of the toml, toml_parser and
//! toml_datetime crates an editor can meet (their error descriptions and
//! what they say is expected), the JSON one serde_json's.

use super::{language, Language};

/// Phrases of the parsers' messages. At each place of a message the
/// longest phrase that stands there as words is the one said.
const PHRASES: &[(&str, &str)] = &[
    // TOML: what is wrong (toml_parser).
    ("may only go between digits", "chỉ được đặt giữa hai chữ số"),
    (
        "cannot recurse further; max recursion depth met",
        "lồng nhau quá sâu",
    ),
    ("recursion limit", "lồng nhau quá sâu"),
    (
        "carriage return must be followed by newline",
        "ký tự về đầu dòng (CR) phải đi liền trước ký tự xuống dòng",
    ),
    ("extra", "thừa"),
    (
        "extra assignment between key-value pairs",
        "thừa dấu = giữa các cặp khóa = giá trị",
    ),
    (
        "extra comma in array",
        "thừa dấu phẩy trong danh sách [ … ]",
    ),
    (
        "extra comma in inline table",
        "thừa dấu phẩy trong bảng { … }",
    ),
    (
        "integers with a radix cannot be signed",
        "số viết với 0x, 0o hay 0b không được có dấu + hay -",
    ),
    (
        "invalid comment character",
        "chú thích có ký tự không được dùng",
    ),
    (
        "invalid inline table element",
        "phần tử của bảng { … } chưa đúng",
    ),
    ("invalid key-value pair", "cặp khóa = giá trị chưa đúng"),
    ("invalid unquoted key", "khóa không có ngoặc chưa đúng"),
    ("invalid key", "khóa chưa đúng"),
    ("invalid value", "giá trị chưa đúng"),
    ("invalid table", "tiêu đề bảng [ … ] chưa đúng"),
    ("invalid table header", "tiêu đề bảng [ … ] chưa đúng"),
    (
        "invalid inline table",
        "bảng viết trên một dòng { … } chưa đúng",
    ),
    ("invalid array", "danh sách [ … ] chưa đúng"),
    ("invalid string", "chuỗi chưa đúng"),
    ("invalid basic string", "chuỗi trong ngoặc kép chưa đúng"),
    ("invalid literal string", "chuỗi trong ngoặc đơn chưa đúng"),
    (
        "invalid multi-line basic string",
        "chuỗi nhiều dòng trong ngoặc kép chưa đúng",
    ),
    (
        "invalid multi-line literal string",
        "chuỗi nhiều dòng trong ngoặc đơn chưa đúng",
    ),
    ("invalid boolean", "giá trị đúng/sai chưa đúng"),
    ("invalid number", "số chưa đúng"),
    ("invalid integer number", "số nguyên chưa đúng"),
    ("invalid hexadecimal number", "số hệ 16 chưa đúng"),
    ("invalid octal number", "số hệ 8 chưa đúng"),
    ("invalid binary number", "số hệ 2 chưa đúng"),
    ("invalid float", "số thập phân chưa đúng"),
    ("invalid floating-point number", "số thập phân chưa đúng"),
    ("invalid mantissa", "phần số của số thập phân chưa đúng"),
    ("invalid fraction", "phần sau dấu chấm thập phân chưa đúng"),
    ("invalid exponent", "số mũ chưa đúng"),
    ("key with no value", "khóa chưa có giá trị"),
    (
        "keys cannot be multi-line basic strings",
        "khóa không được là chuỗi nhiều dòng",
    ),
    (
        "keys cannot be multi-line literal strings",
        "khóa không được là chuỗi nhiều dòng",
    ),
    ("missing array opening", "thiếu dấu [ mở danh sách"),
    (
        "missing assignment between key-value pairs",
        "thiếu dấu = giữa khóa và giá trị",
    ),
    (
        "missing comma between array elements",
        "thiếu dấu phẩy giữa các phần tử của danh sách",
    ),
    (
        "missing comma between key-value pairs",
        "thiếu dấu phẩy giữa các cặp khóa = giá trị",
    ),
    ("missing comment start", "thiếu dấu # mở đầu chú thích"),
    ("missing escaped value", "thiếu ký tự sau dấu \\"),
    ("missing inline table opening", "thiếu dấu { mở bảng"),
    (
        "missing key for inline table element",
        "phần tử của bảng { … } thiếu khóa",
    ),
    ("missing opening quote", "thiếu dấu ngoặc mở"),
    ("missing table open", "thiếu dấu [ mở tiêu đề bảng"),
    ("missing value for key", "khóa chưa có giá trị"),
    ("missing value", "thiếu giá trị"),
    ("radix must be lowercase", "0x, 0o, 0b phải viết chữ thường"),
    ("redundant integer number prefix", "thừa tiền tố của số"),
    ("redundant numeric sign", "thừa dấu + hay -"),
    (
        "string values must be quoted",
        "chuỗi phải đặt trong ngoặc kép",
    ),
    (
        "string values must be quoted, expected literal string",
        "chuỗi phải đặt trong ngoặc kép",
    ),
    ("too few unicode value digits", "mã Unicode thiếu chữ số"),
    ("unclosed array table", "tiêu đề [[ … ]] chưa đóng"),
    ("unclosed array", "danh sách [ … ] chưa đóng"),
    ("unclosed inline table", "bảng { … } chưa đóng"),
    ("unclosed table", "tiêu đề [ … ] chưa đóng"),
    ("unexpected", "không đúng chỗ:"),
    ("in array", "trong danh sách [ … ]"),
    (
        "unexpected content between comment and newline",
        "có nội dung thừa giữa chú thích và cuối dòng",
    ),
    ("unexpected content", "có nội dung thừa"),
    (
        "unexpected key or value",
        "khóa hoặc giá trị không đúng chỗ",
    ),
    (
        "unexpected leading zero",
        "số không được bắt đầu bằng chữ số 0",
    ),
    ("unexpected sign", "dấu + hay - không đúng chỗ"),
    (
        "unquoted keys cannot be empty",
        "khóa không có ngoặc không được để trống",
    ),
    ("invalid escape sequence", "ký tự thoát (\\) chưa đúng"),
    // TOML: what is wrong (toml).
    ("duplicate key", "khóa bị lặp"),
    (
        "cannot extend value of type string with a dotted key",
        "không thể thêm khóa có dấu chấm vào một chuỗi",
    ),
    (
        "cannot extend value of type integer with a dotted key",
        "không thể thêm khóa có dấu chấm vào một số nguyên",
    ),
    (
        "cannot extend value of type float with a dotted key",
        "không thể thêm khóa có dấu chấm vào một số thập phân",
    ),
    (
        "cannot extend value of type boolean with a dotted key",
        "không thể thêm khóa có dấu chấm vào một giá trị đúng/sai",
    ),
    (
        "cannot extend value of type datetime with a dotted key",
        "không thể thêm khóa có dấu chấm vào một ngày giờ",
    ),
    (
        "cannot extend value of type array with a dotted key",
        "không thể thêm khóa có dấu chấm vào một danh sách",
    ),
    (
        "cannot extend value of type table with a dotted key",
        "không thể thêm khóa có dấu chấm vào bảng này",
    ),
    (
        "cannot extend value of type inline table with a dotted key",
        "không thể thêm khóa có dấu chấm vào một bảng viết trên một dòng { … }",
    ),
    ("integer number overflowed", "số nguyên quá lớn"),
    ("floating-point number overflowed", "số thập phân quá lớn"),
    ("wanted string or table", "cần một chuỗi hoặc một bảng"),
    ("unexpected keys in table", "bảng có khóa không dùng được"),
    ("available keys", "các khóa dùng được"),
    (
        "wanted exactly 1 element, found 0 elements",
        "cần đúng một phần tử, nhưng không có phần tử nào",
    ),
    (
        "wanted exactly 1 element, more than 1 element",
        "cần đúng một phần tử, nhưng có nhiều hơn một",
    ),
    (
        "expected table with exactly 1 entry, found empty table",
        "cần một bảng có đúng một khóa, nhưng bảng trống",
    ),
    ("expected empty array", "cần một danh sách trống"),
    ("expected empty table", "cần một bảng trống"),
    ("in document root", "ở đầu tệp"),
    // TOML: what is expected (toml_parser).
    ("expected nothing", "cần bỏ đi"),
    ("newline", "xuống dòng"),
    ("basic string", "chuỗi trong ngoặc kép"),
    ("literal string", "chuỗi trong ngoặc đơn"),
    ("multi-line basic string", "chuỗi nhiều dòng"),
    ("characters", "ký tự"),
    ("digits", "chữ số"),
    ("key", "khóa"),
    ("letters", "chữ cái"),
    ("numbers", "chữ số"),
    ("value", "giá trị"),
    (
        "non-double-quote visible characters",
        "ký tự nhìn thấy được (trừ dấu ngoặc kép)",
    ),
    ("non-single-quote characters", "ký tự khác dấu ngoặc đơn"),
    (
        "non-single-quote visible characters",
        "ký tự nhìn thấy được (trừ dấu ngoặc đơn)",
    ),
    ("printable characters", "ký tự in được"),
    ("unicode hexadecimal value", "mã Unicode hệ 16"),
    ("etc", "v.v."),
    // TOML dates and times (toml_datetime).
    ("invalid datetime", "ngày giờ chưa đúng"),
    ("invalid date-time", "ngày giờ chưa đúng"),
    ("invalid date", "ngày chưa đúng"),
    ("invalid time", "giờ chưa đúng"),
    ("invalid offset", "múi giờ chưa đúng"),
    ("year or hour", "năm hoặc giờ"),
    ("between date and time", "giữa ngày và giờ"),
    ("+OFFSET, -OFFSET", "+hh:mm, -hh:mm"),
    ("a four-digit year", "năm có bốn chữ số"),
    ("a two-digit month", "tháng có hai chữ số"),
    ("a two-digit day", "ngày có hai chữ số"),
    ("a two-digit hour", "giờ có hai chữ số"),
    ("a two-digit minute", "phút có hai chữ số"),
    ("a two-digit second", "giây có hai chữ số"),
    ("month", "tháng"),
    ("day", "ngày"),
    ("hour", "giờ"),
    ("minute", "phút"),
    ("second", "giây"),
    ("nanosecond", "phần lẻ của giây"),
    ("nanoseconds overflowed", "phần lẻ của giây quá dài"),
    ("month between 01 and 12", "tháng từ 01 đến 12"),
    ("day between 01 and 28", "ngày từ 01 đến 28"),
    ("day between 01 and 29", "ngày từ 01 đến 29"),
    ("day between 01 and 30", "ngày từ 01 đến 30"),
    ("day between 01 and 31", "ngày từ 01 đến 31"),
    ("hour between 00 and 23", "giờ từ 00 đến 23"),
    ("hours between 00 and 23", "giờ từ 00 đến 23"),
    ("minute between 00 and 59", "phút từ 00 đến 59"),
    ("minutes between 00 and 59", "phút từ 00 đến 59"),
    ("second between 00 and 60", "giây từ 00 đến 60"),
    // JSON (serde_json).
    (
        "EOF while parsing a string",
        "hết tệp khi chuỗi chưa đóng ngoặc kép",
    ),
    (
        "EOF while parsing an object",
        "hết tệp khi đối tượng { } chưa đóng",
    ),
    (
        "EOF while parsing a list",
        "hết tệp khi danh sách [ ] chưa đóng",
    ),
    ("EOF while parsing a value", "hết tệp khi chưa có giá trị"),
    ("expected value", "cần một giá trị"),
    ("expected ident", "cần true, false hoặc null"),
    ("invalid escape", "ký tự thoát (\\) chưa đúng"),
    ("number out of range", "số nằm ngoài khoảng cho phép"),
    ("invalid unicode code point", "mã Unicode chưa đúng"),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        "chuỗi có ký tự điều khiển (như xuống dòng) bên trong",
    ),
    ("key must be a string", "khóa phải là chuỗi trong ngoặc kép"),
    (
        "expected key to be a number in quotes",
        "khóa phải là một số trong ngoặc kép",
    ),
    (
        "float key must be finite (got NaN or +/-inf)",
        "khóa là số thập phân phải là số hữu hạn (không được là NaN hay +/-inf)",
    ),
    (
        "lone leading surrogate in hex escape",
        "mã \\u chưa đúng (nửa đầu của một cặp UTF-16 đứng một mình)",
    ),
    ("trailing comma", "dấu phẩy thừa ở cuối"),
    ("trailing characters", "ký tự thừa ở cuối"),
    ("unexpected end of hex escape", "mã \\u thiếu chữ số"),
    ("recursion limit exceeded", "lồng nhau quá sâu"),
    // serde's own words, for what the diagnostic does not rephrase.
    ("unknown variant", "giá trị không dùng được:"),
    ("there are no variants", "không có giá trị nào dùng được"),
    ("one of", "một trong"),
    ("duplicate field", "khóa bị lặp"),
    ("invalid length", "số phần tử chưa đúng:"),
    // Templates (Tera 2): every message a template's author can meet, as
    // the parser, the renderer and the built-in filters, tests and
    // functions write it (chiso passes it on with its first letter in
    // lower case; a capital one is matched too). What Tera puts between
    // the phrases (names, values, types) is kept as written.
    //
    // The parser: "Found {token} but expected {what}." and the tokens.
    ("found", "gặp"),
    ("found identifier", "gặp một tên"),
    ("found string", "gặp một chuỗi"),
    ("found integer", "gặp một số nguyên"),
    ("found float", "gặp một số thập phân"),
    ("found bool", "gặp một giá trị đúng/sai"),
    ("found content", "gặp nội dung"),
    ("found raw content", "gặp nội dung `raw`"),
    ("found comment", "gặp một chú thích"),
    ("but", "nhưng"),
    ("but expected", "nhưng cần"),
    ("but expected one of", "nhưng cần một trong"),
    ("but expected identifier", "nhưng cần một tên"),
    ("but expected attribute name", "nhưng cần tên một thuộc tính"),
    ("but expected string", "nhưng cần một chuỗi"),
    (
        "but expected one of: integer, float, string, bool, ident,",
        "nhưng cần một trong: số nguyên, số thập phân, chuỗi, đúng/sai, tên,",
    ),
    ("unexpected end of input", "giao diện kết thúc khi chưa viết xong"),
    ("unknown tag", "thẻ không tồn tại"),
    ("the template nesting is too deep", "giao diện lồng nhau quá sâu"),
    ("the expression is too complex", "biểu thức quá phức tạp"),
    (
        "identifiers can only have up to",
        "một tên chỉ được có tối đa",
    ),
    ("nested brackets", "cặp ngoặc vuông lồng nhau"),
    (
        "arrays can have a maximum of",
        "danh sách chỉ được lồng nhau tối đa",
    ),
    ("dimensions", "tầng"),
    ("found invalid field of", "trường không hợp lệ của"),
    (". Only", ". Chỉ dùng được"),
    (" exist.", "."),
    (
        "function calls are only allowed at the first element of a chain",
        "chỉ được gọi hàm ở đầu một chuỗi truy cập (như `f().a`, không phải `a.f()`)",
    ),
    ("keyword argument", "tham số"),
    ("is defined more than once", "bị khai báo nhiều lần"),
    (
        "expected \"string\" or {expression}",
        "cần \"chuỗi\" hoặc {biểu thức}",
    ),
    ("cannot be used consecutively", "không được dùng liền nhau"),
    (
        "but expected identifier after it for component call",
        "nhưng sau nó cần tên của thành phần giao diện được gọi",
    ),
    (
        "but expected identifier after it for XML component call",
        "nhưng sau nó cần tên của thành phần giao diện được gọi (dạng thẻ)",
    ),
    (". Use", ". Chỉ dùng"),
    (
        "for comparisons in proper context",
        "để so sánh hai giá trị",
    ),
    ("is only valid here as part of", "ở đây chỉ dùng được trong"),
    ("is not allowed after", "không được đặt sau"),
    (
        "components with body content must use tag syntax: {% <component()> %}...{% </component> %}",
        "thành phần giao diện có nội dung bên trong phải viết dạng thẻ: `{% <component()> %}...{% </component> %}`",
    ),
    ("unclosed component", "thiếu thẻ đóng của thành phần giao diện"),
    ("closing tag", "thẻ đóng"),
    ("doesn't match opening tag", "không khớp với thẻ mở"),
    ("block was named", "khối có tên"),
    ("component was named", "thành phần giao diện có tên"),
    ("in the opening tag, found", "ở thẻ mở, nhưng gặp tên"),
    ("as name in the end tag", "ở thẻ đóng"),
    // "{name} is a reserved keyword of Tera, …": the name is not in
    // backticks; the two that are words of the table are said here whole.
    ("is a reserved keyword of Tera", "là từ khóa dành riêng của Tera"),
    ("and is a reserved keyword of Tera", "`and` là từ khóa dành riêng của Tera"),
    ("or is a reserved keyword of Tera", "`or` là từ khóa dành riêng của Tera"),
    (
        ", it cannot be used as a list comprehension variable",
        ", không dùng làm biến trong biểu thức tạo danh sách được",
    ),
    (
        ", it cannot be used as a loop variable",
        ", không dùng làm biến của vòng lặp được",
    ),
    (", it cannot be assigned to", ", không gán giá trị cho nó được"),
    (
        "list comprehensions support only a single",
        "biểu thức tạo danh sách chỉ được có một vế",
    ),
    (" clause", ""),
    ("invalid component metadata", "siêu dữ liệu của thành phần giao diện chưa đúng"),
    ("invalid default argument", "giá trị mặc định của tham số chưa đúng"),
    (
        "this map should only contain literal values",
        "bảng này chỉ được chứa giá trị viết sẵn (chuỗi, số, đúng/sai…)",
    ),
    (
        "this array should only contain literal values",
        "danh sách này chỉ được chứa giá trị viết sẵn (chuỗi, số, đúng/sai…)",
    ),
    (
        "component definitions cannot be written in another tag",
        "không được định nghĩa thành phần giao diện bên trong một thẻ khác",
    ),
    (
        "template already contains a component named",
        "giao diện đã có một thành phần tên",
    ),
    (
        "template already contains a block named",
        "giao diện đã có một khối tên",
    ),
    ("the name", "tên"),
    (
        "is reserved for component body content",
        "được dành cho nội dung bên trong thành phần giao diện",
    ),
    ("rest parameter", "tham số gom phần còn lại"),
    (
        "conflicts with an existing parameter",
        "trùng với một tham số đã có",
    ),
    (
        "rest parameter must be the last parameter in component definition",
        "tham số gom phần còn lại (`...`) phải đứng cuối cùng trong định nghĩa thành phần giao diện",
    ),
    (
        "but the only types allowed are: string, bool, integer, float, number, bytes, array and map",
        "nhưng chỉ dùng được các kiểu: chuỗi, đúng/sai, số nguyên, số thập phân, số, dãy byte, danh sách và bảng",
    ),
    (
        "but the only types allowed are: string, bool, integer, float, number, array, map and bytes",
        "nhưng chỉ dùng được các kiểu: chuỗi, đúng/sai, số nguyên, số thập phân, số, danh sách, bảng và dãy byte",
    ),
    ("can only be followed by", "chỉ được đứng trước"),
    (
        "but component default arguments can only be one of: string, bool, integer, float, array or map",
        "nhưng giá trị mặc định của tham số chỉ được là: chuỗi, đúng/sai, số nguyên, số thập phân, danh sách hoặc bảng",
    ),
    ("default value for", "giá trị mặc định của"),
    ("has type", "có kiểu"),
    ("but the argument has type", "nhưng tham số lại có kiểu"),
    ("invalid syntax for", "viết sai cú pháp của"),
    (": expecting an", ": cần một dấu"),
    (
        "followed by an expression or a",
        "rồi đến một biểu thức, hoặc một",
    ),
    ("template is already extending", "giao diện đã kế thừa (extends) từ"),
    (
        "needs to be the first tag of the template",
        "phải là thẻ đầu tiên của giao diện",
    ),
    ("cannot be nested in other tags", "không được đặt bên trong thẻ khác"),
    ("blocks cannot be written", "không được đặt khối (`block`)"),
    ("cannot be used", "không dùng được"),
    // Where a block or `break` may not go ("inside a `set` block").
    ("inside a ", "bên trong khối "),
    (" block", ""),
    ("inside a for loop", "bên trong vòng lặp `for`"),
    ("inside a if statement", "bên trong lệnh `if`"),
    (
        "inside a component definition",
        "bên trong định nghĩa thành phần giao diện",
    ),
    (
        "inside a component body",
        "bên trong nội dung của thành phần giao diện",
    ),
    ("inside a filter section", "bên trong đoạn `filter`"),
    (
        "break can only be used in a for loop",
        "`break` chỉ dùng được trong vòng lặp `for`",
    ),
    (
        "continue can only be used in a for loop",
        "`continue` chỉ dùng được trong vòng lặp `for`",
    ),
    (
        "this content would be ignored: only",
        "nội dung này sẽ bị bỏ qua: chỉ",
    ),
    (
        "are allowed at the top level of a child template",
        "mới được đặt ở cấp ngoài cùng của một giao diện con (giao diện có `extends`)",
    ),
    // The lexer.
    ("invalid Integer", "số nguyên chưa đúng"),
    ("string opened with", "chuỗi mở bằng"),
    ("is missing its closing", "thiếu dấu đóng"),
    (
        "unexpected end of string",
        "chuỗi kết thúc ngay sau dấu \\ (thiếu ký tự thoát)",
    ),
    ("unexpected escape character", "ký tự thoát (\\) chưa đúng"),
    (
        "unexpected end of raw block",
        "thiếu thẻ đóng `{% endraw %}` của đoạn `raw`",
    ),
    ("closing comment tag", "thẻ đóng chú thích"),
    ("unexpected character", "ký tự không dùng được ở đây"),
    // Names a template uses that nothing defines (Tera's reference
    // errors), and template-wide problems.
    ("unknown filter", "không có bộ lọc"),
    ("unknown test", "không có phép thử"),
    ("unknown function", "không có hàm"),
    ("unknown component", "không có thành phần giao diện"),
    ("unknown template", "không có giao diện"),
    ("block", "khối"),
    ("component", "thành phần giao diện"),
    ("template", "giao diện"),
    (
        "is not defined in any parent template",
        "không có trong giao diện cha nào (giao diện được kế thừa)",
    ),
    ("is defined in both", "được định nghĩa ở cả"),
    ("not found in template", "không có trong giao diện"),
    ("circular extend detected for template", "giao diện kế thừa vòng quanh:"),
    (". Inheritance chain:", ". Chuỗi kế thừa:"),
    ("circular include detected for template", "giao diện chèn (include) vòng quanh:"),
    (". Include chain:", ". Chuỗi chèn:"),
    ("is inheriting from", "kế thừa từ"),
    (
        ", which doesn't exist or isn't loaded.",
        ", nhưng giao diện này không tồn tại hoặc chưa được nạp.",
    ),
    (
        "maximum render recursion depth for components exceeded",
        "thành phần giao diện lồng nhau quá sâu",
    ),
    // Rendering: variables, fields, indexes, slices, loops.
    (
        "exists but its value is undefined",
        "tồn tại nhưng chưa có giá trị",
    ),
    (
        "tried to render a variable that is undefined",
        "biến cần in ra chưa có giá trị",
    ),
    (
        "cannot index into an undefined value",
        "không lấy phần tử được từ một giá trị chưa có",
    ),
    ("index expression is undefined", "chỉ số trong `[…]` chưa có giá trị"),
    (
        "array index must be an integer, got",
        "chỉ số của danh sách phải là một số nguyên, nhưng gặp",
    ),
    (
        "string index must be an integer, got",
        "chỉ số của chuỗi phải là một số nguyên, nhưng gặp",
    ),
    (
        "map keys must be strings, integers, or bools, got",
        "khóa của bảng phải là chuỗi, số nguyên hoặc đúng/sai, nhưng gặp",
    ),
    ("not a valid key type", "giá trị kiểu này không dùng làm khóa được"),
    ("cannot slice an undefined value", "không cắt được một giá trị chưa có"),
    ("slice start is undefined", "điểm đầu của đoạn cắt chưa có giá trị"),
    ("slice end is undefined", "điểm cuối của đoạn cắt chưa có giá trị"),
    ("slice step is undefined", "bước của đoạn cắt chưa có giá trị"),
    (
        "slice start must be an integer, got",
        "điểm đầu của đoạn cắt phải là một số nguyên, nhưng gặp",
    ),
    (
        "slice end must be an integer, got",
        "điểm cuối của đoạn cắt phải là một số nguyên, nhưng gặp",
    ),
    (
        "slice step must be an integer, got",
        "bước của đoạn cắt phải là một số nguyên, nhưng gặp",
    ),
    ("slicing step cannot be 0", "bước của đoạn cắt không được bằng 0"),
    (
        "slicing can only be used on arrays or strings, not on",
        "chỉ cắt được danh sách hoặc chuỗi, không cắt được",
    ),
    ("iteration not possible on type", "không thể lặp qua giá trị kiểu"),
    (
        "key/value iteration is not possible on type",
        "không thể lặp theo cặp khóa, giá trị qua giá trị kiểu",
    ),
    (", only on maps.", ", chỉ lặp được qua bảng."),
    ("cannot be used on a container of type", "không dùng được với giá trị kiểu"),
    (
        ". It can only be used on arrays, strings and map/structs",
        ". Chỉ dùng được với danh sách, chuỗi và bảng",
    ),
    (
        "spread operator requires a map, found",
        "toán tử `...` cần một bảng, nhưng gặp",
    ),
    (
        "spread operator requires an array, found",
        "toán tử `...` cần một danh sách, nhưng gặp",
    ),
    (
        "super() called outside of a block",
        "chỉ gọi được `super()` bên trong một khối (`block`)",
    ),
    (
        "tried to use super() in the top level block",
        "không dùng được `super()` trong khối không kế thừa từ khối nào (khối của giao diện gốc)",
    ),
    // Rendering: components' arguments.
    ("unknown argument(s)", "thành phần giao diện không có tham số"),
    (" in component call", ""),
    ("Possible argument(s) are:", "Các tham số dùng được:"),
    ("component argument", "tham số thành phần"),
    ("(type:", "(kiểu"),
    (
        ") does not match expected type:",
        ") không đúng kiểu đã khai báo:",
    ),
    ("implicit argument", "tham số ngầm định"),
    (
        "not found in context or passed directly.",
        "không có trong dữ liệu và cũng không được truyền vào.",
    ),
    ("argument", "tham số"),
    (" missing.", " bị thiếu."),
    // Rendering: arithmetic and comparison.
    ("cannot compare", "không so sánh được"),
    ("with", "với"),
    (
        "math operations can only be done on numbers, found",
        "chỉ tính toán được với số, nhưng gặp",
    ),
    (
        "requires both operands to be numbers, found",
        "cần cả hai vế đều là số, nhưng gặp",
    ),
    ("operand", "toán hạng"),
    (
        "is out of range for integer arithmetic (must fit in i128)",
        "vượt quá giới hạn của phép tính số nguyên (phải nằm trong khoảng của i128)",
    ),
    (
        "only numbers can be used in arithmetic. This is a",
        "chỉ tính toán được với số. Đây là một giá trị kiểu",
    ),
    ("exponent", "số mũ"),
    (
        "is out of range for integer ** (must fit in u32)",
        "vượt quá giới hạn của phép lũy thừa số nguyên (phải nằm trong khoảng của u32)",
    ),
    ("cannot negate", "không đổi dấu được"),
    (": result would overflow i128", ": kết quả vượt quá giới hạn của i128"),
    (
        "only numbers can be negated. This is a",
        "chỉ đổi dấu được số. Đây là một giá trị kiểu",
    ),
    // Filters, tests and functions (their arguments, then each one's own).
    ("filter", "bộ lọc"),
    ("is not registered", "không tồn tại"),
    ("value of type", "giá trị kiểu"),
    ("cannot be reversed", "không đảo ngược được"),
    ("has no length", "không có độ dài"),
    ("cannot be converted to an int", "không đổi được thành số nguyên"),
    (
        "cannot be converted to an int in base",
        "không đổi được thành số nguyên hệ",
    ),
    (
        "cannot be converted to an int (non-integer or out of i128 range)",
        "không đổi được thành số nguyên (vì có phần lẻ, hoặc vượt quá giới hạn của i128)",
    ),
    ("cannot be converted to a float", "không đổi được thành số thập phân"),
    ("the string", "chuỗi"),
    ("the float", "số thập phân"),
    (
        "pluralize filter requires an integer, got",
        "bộ lọc `pluralize` cần một số nguyên, nhưng gặp",
    ),
    ("the ", ""),
    (
        " argument must contain exactly one character",
        ": tham số này phải có đúng một ký tự",
    ),
    ("int filter", "bộ lọc `int`: tham số"),
    ("must be between 2 and 36, got", "phải từ 2 đến 36, nhưng gặp"),
    (
        "errored while getting absolute value: it is i128::MIN value.",
        "không lấy được giá trị tuyệt đối: số này là i128::MIN (quá nhỏ).",
    ),
    (
        "this filter can only be used on a number, received",
        "bộ lọc này chỉ dùng được với số, nhưng gặp",
    ),
    ("invalid argument for", "giá trị chưa đúng cho tham số"),
    (
        " are allowed. Do not fill this parameter if you want a classic round.",
        ". Muốn làm tròn thông thường thì đừng đặt tham số này.",
    ),
    ("cannot sort:", "không sắp xếp được:"),
    ("are not comparable", "không so sánh được với nhau"),
    ("value at index", "phần tử ở vị trí"),
    ("(a", "(kiểu"),
    (
        ") does not have an attribute at path:",
        ") không có thuộc tính theo đường dẫn:",
    ),
    ("map does not have a key", "bảng không có khóa"),
    (
        "and no default values were defined",
        "và không có giá trị mặc định (tham số `default`)",
    ),
    (
        "is a float; cannot determine if it's odd",
        "là số thập phân nên không xét được lẻ hay không",
    ),
    (
        "is a float; cannot determine if it's even",
        "là số thập phân nên không xét được chẵn hay không",
    ),
    (
        "is a float; cannot check divisibility",
        "là số thập phân nên không xét được chia hết hay không",
    ),
    (
        "is not a container; cannot check for containment",
        "không phải danh sách, chuỗi hay bảng nên không xét được có chứa hay không",
    ),
    ("function", "hàm"),
    ("was called with a", "được gọi với tham số"),
    ("argument greater than the", "lớn hơn tham số"),
    (" one", ""),
    (" one of", " một trong"),
    ("argument of 0", "bằng 0"),
    (
        "was called with arguments that overflow i128",
        "được gọi với tham số vượt quá giới hạn của i128",
    ),
    ("would produce", "sẽ tạo ra"),
    ("elements, which exceeds the limit of", "phần tử, vượt quá giới hạn"),
    (
        "tried to escape an undefined value",
        "không thoát ký tự HTML được cho một giá trị chưa có",
    ),
    (
        "could not be converted to UTF-8 after escaping:",
        "không đổi được sang UTF-8 sau khi thoát ký tự HTML:",
    ),
    // Tera's error kinds.
    ("is not defined", "không có"),
    ("not found in context", "không có"),
    ("variable", "biến"),
    ("Variable", "Biến"),
    ("field", "trường"),
    ("Filter", "Bộ lọc"),
    ("not found", "không tìm thấy"),
    ("invalid type for the value", "giá trị không đúng kiểu"),
    ("but got", "nhưng gặp"),
    ("missing keyword argument", "thiếu tham số"),
    ("cannot divide by 0", "không chia được cho 0"),
    ("unable to perform", "không tính được"),
    ("is out of range for", "vượt quá giới hạn của"),
    // The types Tera names outside backticks.
    ("string", "chuỗi"),
    ("a string", "một chuỗi"),
    ("integer", "số nguyên"),
    ("an integer", "một số nguyên"),
    ("float", "số thập phân"),
    ("a float", "một số thập phân"),
    ("number", "số"),
    ("a number", "một số"),
    ("bool", "đúng/sai"),
    ("a bool", "một giá trị đúng/sai"),
    ("array", "danh sách"),
    ("an array", "một danh sách"),
    ("map", "bảng"),
    ("a map", "một bảng"),
    ("map/struct", "bảng"),
    ("object", "bảng"),
    ("bytes", "dãy byte"),
    ("identifier", "tên"),
    ("content", "nội dung"),
    ("comment", "chú thích"),
    // Joining words.
    ("expected", "cần"),
    ("or", "hoặc"),
    ("and", "và"),
];

/// `message`, a parser's words, in the editor's language: its known
/// phrases in Vietnamese when chiso speaks Vietnamese, as it is otherwise.
pub fn parser_words(message: &str) -> String {
    if language() == Language::English {
        return message.to_owned();
    }
    translate(message)
}

/// The Vietnamese of `message`, outside backticks (names and quoted text
/// stay as written).
fn translate(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(part);
        } else {
            translate_words(part, &mut out);
        }
    }
    out
}

/// Whether `c` belongs to a word: "key" is not a phrase of itself in
/// "key-value" nor "expected" in "unexpected".
fn in_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
}

/// Whether `text` starts with `phrase`, or with it capitalised when it
/// starts in lower case (a sentence's first word): `Some(true)` for the
/// latter, whose Vietnamese is then capitalised too.
fn starts_with_phrase(text: &str, phrase: &str) -> Option<bool> {
    if text.starts_with(phrase) {
        return Some(false);
    }
    let first = phrase.chars().next().filter(char::is_ascii_lowercase)?;
    let rest = text.strip_prefix(first.to_ascii_uppercase())?;
    rest.starts_with(&phrase[1..]).then_some(true)
}

/// `text` with, at each place, the longest phrase that stands there as
/// whole words said in Vietnamese.
fn translate_words(text: &str, out: &mut String) {
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let rest = &text[at..];
        let starts_word = !in_word(text[..at].chars().next_back());
        let phrase = PHRASES
            .iter()
            .filter_map(|&(english, vietnamese)| {
                let capital = starts_with_phrase(rest, english)?;
                let whole = (starts_word || !english.starts_with(char::is_alphanumeric))
                    && (!english.ends_with(char::is_alphanumeric)
                        || !in_word(rest[english.len()..].chars().next()));
                whole.then_some((english, vietnamese, capital))
            })
            .max_by_key(|(english, _, capital)| (english.len(), !capital));
        match phrase {
            Some((english, vietnamese, capital)) => {
                let mut chars = vietnamese.chars();
                match chars.next().filter(|_| capital) {
                    Some(first) => {
                        out.extend(first.to_uppercase());
                        out.push_str(chars.as_str());
                    }
                    None => out.push_str(vietnamese),
                }
                at += english.len();
            }
            None => {
                out.push(c);
                at += c.len_utf8();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_phrases_are_said_in_vietnamese_and_quoted_text_is_kept() {
        assert_eq!(
            translate("invalid basic string, expected `\"`"),
            "chuỗi trong ngoặc kép chưa đúng, cần `\"`"
        );
        assert_eq!(translate("expected `,` or `}`"), "cần `,` hoặc `}`");
        assert_eq!(
            translate("variable `tabel` is not defined"),
            "biến `tabel` không có"
        );
        // A name in backticks is never translated.
        assert_eq!(translate("duplicate key `or`"), "khóa bị lặp `or`");
        // A phrase inside a longer word is not one.
        assert_eq!(translate("unexpectedly"), "unexpectedly");
        assert_eq!(translate("keyboard, rekey"), "keyboard, rekey");
        // What the table does not know stays as the parser said it.
        assert_eq!(translate("something new"), "something new");
    }

    #[test]
    fn a_phrase_joined_by_a_hyphen_is_one_word() {
        // Not "khóa chưa đúng-value pair".
        assert_eq!(
            translate("invalid key-value pair, expected key"),
            "cặp khóa = giá trị chưa đúng, cần khóa"
        );
        assert_eq!(
            translate("invalid date-time, expected `T` between date and time"),
            "ngày giờ chưa đúng, cần `T` giữa ngày và giờ"
        );
    }

    /// Every description of a problem in toml_parser 1.1, toml 1.2 and
    /// toml_datetime 1.1 (their `ParseError::new`, `Error::custom` and
    /// `DatetimeParseError` texts).
    const TOML_PROBLEMS: &[&str] = &[
        "`_` may only go between digits",
        "cannot recurse further; max recursion depth met",
        "carriage return must be followed by newline",
        "extra `=`",
        "extra assignment between key-value pairs",
        "extra comma in array",
        "extra comma in inline table",
        "integers with a radix cannot be signed",
        "invalid comment character",
        "invalid inline table element",
        "invalid key-value pair",
        "invalid unquoted key",
        "invalid value",
        "key with no value",
        "keys cannot be multi-line basic strings",
        "keys cannot be multi-line literal strings",
        "missing array opening",
        "missing assignment between key-value pairs",
        "missing comma between array elements",
        "missing comma between key-value pairs",
        "missing comment start",
        "missing escaped value",
        "missing inline table opening",
        "missing key for inline table element",
        "missing opening quote",
        "missing table open",
        "missing value for key",
        "missing value",
        "radix must be lowercase",
        "redundant integer number prefix",
        "redundant numeric sign",
        "string values must be quoted",
        "too few unicode value digits",
        "unclosed array table",
        "unclosed array",
        "unclosed inline table",
        "unclosed table",
        "unexpected `=` in array",
        "unexpected content between comment and newline",
        "unexpected content",
        "unexpected key or value",
        "unexpected leading zero",
        "unexpected sign",
        "unquoted keys cannot be empty",
        "invalid key",
        "invalid table",
        "invalid string",
        "invalid basic string",
        "invalid literal string",
        "invalid multi-line basic string",
        "invalid multi-line literal string",
        "invalid boolean",
        "invalid date-time",
        "invalid float",
        "invalid integer number",
        "invalid hexadecimal number",
        "invalid octal number",
        "invalid binary number",
        "invalid mantissa",
        "invalid fraction",
        "invalid exponent",
        "duplicate key",
        "cannot extend value of type string with a dotted key",
        "cannot extend value of type integer with a dotted key",
        "cannot extend value of type float with a dotted key",
        "cannot extend value of type boolean with a dotted key",
        "cannot extend value of type datetime with a dotted key",
        "cannot extend value of type array with a dotted key",
        "cannot extend value of type table with a dotted key",
        "cannot extend value of type inline table with a dotted key",
        "recursion limit",
        "integer number overflowed",
        "floating-point number overflowed",
        "wanted string or table",
        "unexpected keys in table: kx, ky, available keys: kz",
        "wanted exactly 1 element, found 0 elements",
        "wanted exactly 1 element, more than 1 element",
        "expected table with exactly 1 entry, found empty table",
        "expected empty array",
        "expected empty table",
        "invalid datetime",
        "invalid date",
        "invalid date-time",
        "invalid time",
        "invalid offset",
    ];

    /// Everything those crates say is expected (`Expected::Description`,
    /// a literal as they render it, `DatetimeParseError::expected`).
    const TOML_EXPECTED: &[&str] = &[
        "nothing",
        "newline",
        "`=`",
        "basic string",
        "characters",
        "digits",
        "key",
        "letters",
        "literal string",
        "multi-line basic string",
        "non-double-quote visible characters",
        "non-single-quote characters",
        "non-single-quote visible characters",
        "numbers",
        "printable characters",
        "unicode hexadecimal value",
        "value",
        "etc",
        "`-` (MM-DD)",
        "`-` (YYYY-MM) or `:` (HH:MM)",
        "`:` (HH:MM)",
        "`T` between date and time",
        "`Z`, +OFFSET, -OFFSET",
        "a four-digit year (YYYY)",
        "a two-digit day (DD)",
        "a two-digit hour (HH)",
        "a two-digit minute (MM)",
        "a two-digit month (MM)",
        "a two-digit second (SS)",
        "day",
        "hour",
        "minute",
        "month",
        "second",
        "nanosecond",
        "nanoseconds overflowed",
        "year or hour",
        "month between 01 and 12",
        "day between 01 and 28",
        "day between 01 and 29",
        "day between 01 and 30",
        "day between 01 and 31",
        "hour between 00 and 23",
        "hours between 00 and 23",
        "minute between 00 and 59",
        "minutes between 00 and 59",
        "second between 00 and 60",
    ];

    /// serde_json's own messages.
    const JSON_PROBLEMS: &[&str] = &[
        "EOF while parsing a list",
        "EOF while parsing an object",
        "EOF while parsing a string",
        "EOF while parsing a value",
        "expected `:`",
        "expected `,` or `]`",
        "expected `,` or `}`",
        "expected ident",
        "expected value",
        "expected `\"`",
        "invalid escape",
        "invalid number",
        "number out of range",
        "invalid unicode code point",
        "control character (\\u0000-\\u001F) found while parsing a string",
        "key must be a string",
        "invalid value: expected key to be a number in quotes",
        "float key must be finite (got NaN or +/-inf)",
        "lone leading surrogate in hex escape",
        "trailing comma",
        "trailing characters",
        "unexpected end of hex escape",
        "recursion limit exceeded",
    ];

    /// Common English words, which a translated message has none of
    /// outside backticks.
    const ENGLISH: &[&str] = &[
        "a",
        "allowed",
        "and",
        "are",
        "argument",
        "arguments",
        "array",
        "be",
        "between",
        "block",
        "blocks",
        "but",
        "called",
        "can",
        "cannot",
        "characters",
        "comma",
        "component",
        "components",
        "content",
        "date",
        "day",
        "defined",
        "digits",
        "does",
        "duplicate",
        "element",
        "empty",
        "escape",
        "expected",
        "expression",
        "extra",
        "field",
        "filter",
        "for",
        "found",
        "function",
        "got",
        "has",
        "have",
        "hour",
        "ignored",
        "index",
        "integer",
        "invalid",
        "is",
        "it",
        "iteration",
        "key",
        "letters",
        "level",
        "may",
        "minute",
        "missing",
        "month",
        "must",
        "name",
        "not",
        "nothing",
        "number",
        "numbers",
        "of",
        "on",
        "only",
        "operand",
        "or",
        "overflowed",
        "possible",
        "requires",
        "second",
        "sign",
        "slice",
        "string",
        "table",
        "tag",
        "template",
        "the",
        "this",
        "time",
        "to",
        "top",
        "type",
        "unclosed",
        "undefined",
        "unexpected",
        "value",
        "variable",
        "wanted",
        "while",
        "with",
        "would",
        "year",
    ];

    /// The English words of `text` outside backticks.
    fn english_words(text: &str) -> Vec<String> {
        text.split('`')
            .step_by(2)
            .flat_map(|part| part.split(|c: char| !c.is_alphabetic()))
            .map(str::to_ascii_lowercase)
            .filter(|word| ENGLISH.contains(&word.as_str()))
            .collect()
    }

    fn assert_vietnamese(messages: impl IntoIterator<Item = String>) {
        let mut left = Vec::new();
        for message in messages {
            let said = translate(&message);
            let words = english_words(&said);
            if !words.is_empty() {
                left.push(format!("{message:?} → {said:?}: {words:?}"));
            }
        }
        assert!(left.is_empty(), "English left:\n{}", left.join("\n"));
    }

    #[test]
    fn every_known_toml_and_json_message_is_said_in_vietnamese() {
        let toml = TOML_PROBLEMS.iter().flat_map(|problem| {
            std::iter::once(problem.to_string()).chain(
                TOML_EXPECTED
                    .iter()
                    .map(move |expected| format!("{problem}, expected {expected}")),
            )
        });
        assert_vietnamese(toml.chain(JSON_PROBLEMS.iter().map(|m| m.to_string())));
    }

    /// What the parsers say of real documents, as `parse` passes it on.
    #[test]
    fn what_the_parsers_say_of_broken_documents_is_said_in_vietnamese() {
        let toml = [
            "date = 2026-02-30",
            "date = 2026-13-01",
            "t = 24:00:00",
            "t = 1979-05-27T07:32:00+25:00",
            "d = 1979-05-27 07:32",
            "s = \"a\\",
            "s = \"a\\xb\"",
            "s = \"\\u12\"",
            "s = \"a\u{1}b\"",
            "s = 'a",
            "s = \"a",
            "f = 1.",
            "f = 1.e5",
            "f = 1e",
            "f = 1e99999",
            "h = 0xZZ",
            "h = 0XFF",
            "h = -0xFF",
            "n = 012",
            "n = 1__2",
            "n = _1",
            "n = +-1",
            "b = tru",
            "b = True",
            "a = 1 2",
            "a =",
            "a",
            "= 1",
            "[a",
            "[[a]",
            "[a]]",
            "a = [1,,2]",
            "a = [1 2]",
            "a = [1",
            "a = [ = ]",
            "a = {b = 1,,}",
            "a = {b = 1 c = 2}",
            "a = {b = 1",
            "a = {b}",
            "a = 1\na = 2",
            "a = 1\na.b = 2",
            "a = {b = 1}\na.c = 2",
            "a = [1]\na.b = 2",
            "[[a]]\n[a]",
            "\"\"\"k\"\"\" = 1",
            "'''k''' = 1",
            "a = 1 # \u{7f}",
            "a = 1 b",
            "{\"a\":1}",
            "a = \"x\"\r",
            "a b = 1",
            "\u{1f600} = 1",
            "a = é",
            "a = 1979-05-27T",
        ];
        let deep = format!("a = {}", "[".repeat(200));
        let messages = toml
            .iter()
            .copied()
            .chain([deep.as_str()])
            .filter_map(|doc| toml::from_str::<toml::Table>(doc).err())
            .map(|e| e.message().lines().next().unwrap_or_default().to_owned());
        let json = [
            "[1,",
            "{\"a\":1",
            "\"abc",
            "",
            "{\"a\" 1}",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "tru",
            "[1,]",
            "{\"a\":1,}",
            "\"\\x\"",
            "1e99999",
            "\"\\ud800\"",
            "{1:2}",
            "\"a\nb\"",
            "1 2",
            "\"\\u12\"",
        ];
        let deep = "[".repeat(200);
        let json = json
            .iter()
            .copied()
            .chain([deep.as_str()])
            .filter_map(|doc| serde_json::from_str::<serde_json::Value>(doc).err())
            .map(|e| {
                let text = e.to_string();
                text.split(" at line ")
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            });
        assert_vietnamese(messages.chain(json));
    }

    #[test]
    fn an_impossible_date_is_said_wholly_in_vietnamese() {
        let e = toml::from_str::<toml::Table>("date = 2026-02-30").unwrap_err();
        assert_eq!(
            translate(e.message()),
            "ngày chưa đúng, cần ngày từ 01 đến 28"
        );
        let e = toml::from_str::<toml::Table>("n = 012").unwrap_err();
        assert_eq!(
            translate(e.message()),
            "số không được bắt đầu bằng chữ số 0, cần bỏ đi"
        );
    }

    /// Every message of Tera 2.4 a template's author can meet (its
    /// parser's, lexer's and renderer's, its built-in filters', tests' and
    /// functions', its reference errors), as Tera writes them, with names
    /// and values filled in.
    const TERA_MESSAGES: &[&str] = &[
        "Found identifier but expected `%}`.",
        "Found `}}` but expected ).",
        "Found string but expected identifier.",
        "Found `=` but expected attribute name.",
        "Found integer but expected string.",
        "block was named `content` in the opening tag, found `main` as name in the end tag",
        "component was named `card` in the opening tag, found `cart` as name in the end tag",
        "Identifiers can only have up to 5 nested brackets.",
        "Found invalid field of `loop`: idx. Only `index`, `index0`, `first`, `last` and `length` exist.",
        "Function calls are only allowed at the first element of a chain",
        "Keyword argument `width` is defined more than once",
        "Expected \"string\" or {expression} but found integer",
        "Found `)` but expected `...`, a string, an integer or a bool.",
        "Arrays can have a maximum of 8 dimensions.",
        "The expression is too complex",
        "`-` and `not` cannot be used consecutively.",
        "Found `<` but expected identifier after it for component call. Use `<` for comparisons in proper context.",
        "Found `%}` but expected one of: integer, float, string, bool, ident, `-`, `not`, `<`, `{`, `[` or `(`",
        "`not` is only valid here as part of `not in`",
        "`not` is not allowed after `~`",
        "Found identifier but expected `/` or `>`",
        "Components with body content must use tag syntax: {% <component()> %}...{% </component> %}",
        "Unclosed component 'card'",
        "Closing tag 'cart' doesn't match opening tag 'card'",
        "loop is a reserved keyword of Tera, it cannot be used as a list comprehension variable.",
        "and is a reserved keyword of Tera, it cannot be used as a loop variable.",
        "self is a reserved keyword of Tera, it cannot be assigned to.",
        "List comprehensions support only a single `for` clause.",
        "Invalid component metadata: this map should only contain literal values.",
        "Invalid default argument: this array should only contain literal values.",
        "Component definitions cannot be written in another tag.",
        "Template already contains a component named `card`",
        "The name `body` is reserved for component body content.",
        "Rest parameter `rest` conflicts with an existing parameter.",
        "Rest parameter must be the last parameter in component definition.",
        "Found string but the only types allowed are: string, bool, integer, float, number, bytes, array and map",
        "Found str but the only types allowed are: string, bool, integer, float, number, array, map and bytes",
        "Found identifier but `-` can only be followed by an integer or a float",
        "Found identifier but component default arguments can only be one of: string, bool, integer, float, array or map",
        "Default value for `size` has type `string` but the argument has type `integer`",
        "Invalid syntax for `set`: expecting an `=` followed by an expression or a `%}}`",
        "Found identifier but expected string.",
        "Template is already extending `base.html`",
        "`extends` needs to be the first tag of the template",
        "`extends` cannot be nested in other tags.",
        "Blocks cannot be written inside a for loop.",
        "Blocks cannot be written inside a if statement.",
        "Blocks cannot be written inside a component definition.",
        "Blocks cannot be written inside a `set` block.",
        "Blocks cannot be written inside a filter section.",
        "`break` cannot be used inside a `set` block",
        "`continue` cannot be used inside a component body",
        "break can only be used in a for loop",
        "Template already contains a block named `content`",
        "Found `<` but expected identifier after it for XML component call.",
        "Unknown tag",
        "The template nesting is too deep",
        "This content would be ignored: only `extends`, `block` and `component` are allowed at the top level of a child template.",
        "Unexpected end of input",
        "Invalid float",
        "Invalid Integer",
        "String opened with `\"` is missing its closing `\"`",
        "unexpected end of string",
        "unexpected escape character",
        "unexpected end of raw block",
        "Closing comment tag `#}` not found",
        "Unexpected character",
        "Cannot compare `string` with `i64`",
        "Math operations can only be done on numbers, found `string`",
        "Field `title` is not defined",
        "Cannot index into an undefined value",
        "Index expression is undefined",
        "Cannot slice an undefined value",
        "Slice start is undefined",
        "Slice end must be an integer, got `string`",
        "Slice step must be an integer, got `f64`",
        "Tried to render a variable that is undefined",
        "Spread operator requires a map, found `array`",
        "Spread operator requires an array, found `string`",
        "super() called outside of a block",
        "Tried to use super() in the top level block",
        "Iteration not possible on type `i64`",
        "Key/value iteration is not possible on type `array`, only on maps.",
        "`+` requires both operands to be numbers, found `string` and `i64`",
        "Variable `page` exists but its value is undefined",
        "Variable `tabel` is not defined",
        "Unknown argument(s) `colour` in component call. Possible argument(s) are: `color`, `size`",
        "Component argument `size` (type: `string`) does not match expected type: `integer`",
        "Implicit argument `lang` (type: `string`) not found in context or passed directly.",
        "Implicit argument `lang` not found in context or passed directly.",
        "Argument `title` (type: `string`) missing.",
        "Argument `title` missing.",
        "Invalid type for the value, expected `f64` but got `string`",
        "Missing keyword argument `length`",
        "Value `-1` is out of range for `usize`",
        "Array index must be an integer, got `string`.",
        "String index must be an integer, got `f64`.",
        "Value of type i64 cannot be reversed",
        "Value of type map/struct cannot be reversed",
        "Not a valid key type",
        "`in` cannot be used on a container of type `i64`. It can only be used on arrays, strings and map/structs",
        "Map keys must be strings, integers, or bools, got `array`.",
        "Slicing step cannot be 0",
        "Slicing can only be used on arrays or strings, not on `i64`.",
        "Operand `1e40` is out of range for integer arithmetic (must fit in i128)",
        "Only numbers can be used in arithmetic. This is a `string`",
        "Unable to perform 170141183460469231731687303715884105727 + 1",
        "Cannot divide by 0",
        "Exponent 5000000000 is out of range for integer ** (must fit in u32)",
        "Cannot negate -170141183460469231731687303715884105728: result would overflow i128",
        "Only numbers can be negated. This is a `string`",
        "Number `1e40` is out of range for i128",
        "pluralize filter requires an integer, got `string`",
        "The `indentation` argument must contain exactly one character",
        "int filter `base` must be between 2 and 36, got 40",
        "The float 1.5 cannot be converted to an int (non-integer or out of i128 range)",
        "The string `abc` cannot be converted to an int in base 10",
        "Value of type array cannot be converted to an int",
        "The string `abc` cannot be converted to a float",
        "Value of type bool cannot be converted to a float",
        "Value of type i64 has no length",
        "Errored while getting absolute value: it is i128::MIN value.",
        "This filter can only be used on a number, received `string`.",
        "Invalid argument for `method`: up. Only `ceil` and `floor` are allowed. Do not fill this parameter if you want a classic round.",
        "Cannot sort: `string` and `i64` are not comparable",
        "Value at index 2 (a map/struct) does not have an attribute at path: tac_gia.ten",
        "Map does not have a key title and no default values were defined",
        "Value `1.5` is a float; cannot determine if it's odd",
        "Value `1.5` is a float; cannot determine if it's even",
        "Value `1.5` is a float; cannot check divisibility",
        "Value `5` is not a container; cannot check for containment",
        "Function `range` was called with a `start` argument greater than the `end` one",
        "Function `range` was called with a `step_by` argument of 0",
        "Function `range` was called with arguments that overflow i128",
        "Function `range` would produce 2000000 elements, which exceeds the limit of 1000000",
        "Tried to escape an undefined value",
        "Filter `vi_dat` is not registered",
        "Unknown filter `vi_dat`",
        "Unknown test `odd2`",
        "Unknown function `rang`",
        "Unknown component `card`",
        "Unknown template `header.html`",
        "Block `sidebar` is not defined in any parent template",
        "Component `card` is defined in both `a.html` and `b.html`",
        "Block `content` not found in template `page.html`",
        "Template 'base.html' is inheriting from 'layout.html', which doesn't exist or isn't loaded.",
        "Maximum render recursion depth for components exceeded.",
    ];

    /// `message` as chiso passes it on: its first letter in lower case.
    fn lower_first(message: &str) -> String {
        let mut chars = message.chars();
        chars
            .next()
            .map(|first| first.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    }

    #[test]
    fn every_known_tera_message_is_said_in_vietnamese() {
        let messages = TERA_MESSAGES
            .iter()
            .flat_map(|m| [m.to_string(), lower_first(m)]);
        assert_vietnamese(messages);
    }

    #[test]
    fn tera_messages_are_said_wholly_in_vietnamese() {
        let said = |message: &str| translate(&lower_first(message));
        assert_eq!(
            said("Iteration not possible on type `i64`"),
            "không thể lặp qua giá trị kiểu `i64`"
        );
        assert_eq!(
            said(
                "This content would be ignored: only `extends`, `block` and `component` \
                 are allowed at the top level of a child template."
            ),
            "nội dung này sẽ bị bỏ qua: chỉ `extends`, `block` và `component` mới được \
             đặt ở cấp ngoài cùng của một giao diện con (giao diện có `extends`)."
        );
        assert_eq!(
            said("Found identifier but expected `%}`."),
            "gặp một tên nhưng cần `%}`."
        );
        assert_eq!(
            said("Found `)` but expected `...`, a string, an integer or a bool."),
            "gặp `)` nhưng cần `...`, một chuỗi, một số nguyên hoặc một giá trị đúng/sai."
        );
        assert_eq!(
            said("Invalid type for the value, expected `f64` but got `string`"),
            "giá trị không đúng kiểu, cần `f64` nhưng gặp `string`"
        );
        assert_eq!(
            said("Missing keyword argument `length`"),
            "thiếu tham số `length`"
        );
        assert_eq!(said("Cannot divide by 0"), "không chia được cho 0");
        assert_eq!(
            said("Array index must be an integer, got `string`."),
            "chỉ số của danh sách phải là một số nguyên, nhưng gặp `string`."
        );
        assert_eq!(
            said("Math operations can only be done on numbers, found `string`"),
            "chỉ tính toán được với số, nhưng gặp `string`"
        );
        assert_eq!(
            said("Cannot compare `string` with `i64`"),
            "không so sánh được `string` với `i64`"
        );
        assert_eq!(
            said(
                "block was named `content` in the opening tag, found `main` as name in the end tag"
            ),
            "khối có tên `content` ở thẻ mở, nhưng gặp tên `main` ở thẻ đóng"
        );
        assert_eq!(
            said("Blocks cannot be written inside a `set` block."),
            "không được đặt khối (`block`) bên trong khối `set`."
        );
        assert_eq!(
            said("Blocks cannot be written inside a for loop."),
            "không được đặt khối (`block`) bên trong vòng lặp `for`."
        );
        assert_eq!(
            said(
                "Unknown argument(s) `colour` in component call. \
                 Possible argument(s) are: `color`, `size`"
            ),
            "thành phần giao diện không có tham số `colour`. \
             Các tham số dùng được: `color`, `size`"
        );
        assert_eq!(
            said(
                "Invalid argument for `method`: up. Only `ceil` and `floor` are allowed. \
                 Do not fill this parameter if you want a classic round."
            ),
            "giá trị chưa đúng cho tham số `method`: up. Chỉ dùng được `ceil` và `floor`. \
             Muốn làm tròn thông thường thì đừng đặt tham số này."
        );
        assert_eq!(
            said("Function `range` was called with a `start` argument greater than the `end` one"),
            "hàm `range` được gọi với tham số `start` lớn hơn tham số `end`"
        );
        assert_eq!(
            said("The `indentation` argument must contain exactly one character"),
            "`indentation`: tham số này phải có đúng một ký tự"
        );
        assert_eq!(
            said("Variable `page` exists but its value is undefined"),
            "biến `page` tồn tại nhưng chưa có giá trị"
        );
        assert_eq!(
            said("Slicing can only be used on arrays or strings, not on `i64`."),
            "chỉ cắt được danh sách hoặc chuỗi, không cắt được `i64`."
        );
        // A keyword that is also a word of the table, not in backticks.
        assert_eq!(
            said("and is a reserved keyword of Tera, it cannot be used as a loop variable."),
            "`and` là từ khóa dành riêng của Tera, không dùng làm biến của vòng lặp được."
        );
    }

    #[test]
    fn a_capitalised_phrase_is_said_capitalised() {
        // As Tera writes it, before chiso puts its first letter in lower case.
        assert_eq!(
            translate("Value of type map/struct cannot be reversed"),
            "Giá trị kiểu bảng không đảo ngược được"
        );
        // A sentence inside a message.
        assert_eq!(
            translate("only numbers can be negated. This is a `string`"),
            "chỉ đổi dấu được số. Đây là một giá trị kiểu `string`"
        );
        // "one of" is still one phrase after a space.
        assert_eq!(
            translate("unknown variant `x`, expected one of `a`, `b`"),
            "giá trị không dùng được: `x`, cần một trong `a`, `b`"
        );
    }
}
