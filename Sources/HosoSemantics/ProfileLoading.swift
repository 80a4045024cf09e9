import HosoJSON
import HosoText

/// A problem in a profile file: the file, the JSON path, the line and column, and what was
/// expected, in Vietnamese and English.
///
/// Thrown when the profile cannot be used; also the shape of the warnings (unknown keys).
public struct ProfileError: Error, Equatable, CustomStringConvertible {
    public let file: String
    /// A JSONPath-like location (`$.awardForms[1].quota`).
    public let path: String
    /// 1-based line and column (in Unicode scalars) in the file, when known.
    public let line: Int?
    public let column: Int?
    public let vi: String
    public let en: String

    /// `FILE:LINE:COL: $.path: problem`, in one language.
    public func text(vietnamese: Bool) -> String {
        let place = line.map { "\(file):\($0):\(column ?? 1)" } ?? file
        return "\(place): \(path): \(vietnamese ? vi : en)"
    }

    public var description: String { text(vietnamese: false) }
}

extension Profile {
    /// Parses and validates a profile; errors name `file`, the line and column, the JSON path and
    /// the expectation.
    public static func load(json data: [UInt8], file: String) throws -> Profile {
        var warnings: [ProfileError] = []
        return try load(json: data, file: file, warnings: &warnings)
    }

    /// Parses and validates a profile, collecting unknown keys in `warnings` (they are ignored).
    public static func load(json data: [UInt8], file: String, warnings: inout [ProfileError]) throws -> Profile {
        let value: JSON
        do {
            value = try JSONParser.parse(data, options: .file)
        } catch let error as JSONParseError {
            let (line, column) = TextPoint.lineColumn(of: error.offset, in: data)
            throw ProfileError(file: file, path: "$", line: line, column: column,
                               vi: "không phải JSON hợp lệ: \(error.vi)", en: "not valid JSON: \(error.en)")
        }
        let map = JSONSourceMap(data)
        /// The problem at its line and column.
        func located(_ path: String, vi: String, en: String, atKey: Bool = false) -> ProfileError {
            let point = map.point(of: path, atKey: atKey)
            return ProfileError(file: file, path: path, line: point?.line, column: point?.column, vi: vi, en: en)
        }
        let profile: Profile
        var unknownKeys: [String] = []
        do {
            profile = try Profile(JSONCursor(value).object(), unknownKeys: &unknownKeys)
            try profile.validate()
        } catch let error as JSONSchemaError {
            throw located(error.path, vi: error.vi, en: error.en, atKey: error.atKey)
        }
        for path in unknownKeys {
            warnings.append(located(path, vi: "khoá không được hỗ trợ, bỏ qua (viết sai tên khoá?)",
                                    en: "unknown key, ignored (a misspelt key?)", atKey: true))
        }
        return profile
    }

    /// Checks what the types cannot: references between fields and sensible values.
    func validate() throws {
        func fail(_ path: String, _ vi: String, _ en: String) throws { throw JSONSchemaError(path: path, vi: vi, en: en) }
        if evaluationYears.isEmpty { try fail("$.evaluationYears", "cần ít nhất một năm", "expected at least one year") }
        if ratings.isEmpty { try fail("$.ratings", "cần ít nhất một mức xếp loại", "expected at least one rating") }
        if awardForms.isEmpty { try fail("$.awardForms", "cần ít nhất một hình thức", "expected at least one award form") }
        if !(0...100).contains(votePercentThreshold) {
            try fail("$.votePercentThreshold", "cần một số từ 0 đến 100", "expected a number from 0 to 100")
        }
        for (i, form) in awardForms.enumerated() {
            if let minimum = form.minimumRating, !ratings.contains(where: { $0.id == minimum }) {
                let ids = ratings.map(\.id).joined(separator: ", ")
                try fail("$.awardForms[\(i)].minimumRating", "\"\(minimum)\" không phải id của mức xếp loại nào (\(ids))",
                         "expected the id of a rating (\(ids)), found \"\(minimum)\"")
            }
            if let plan = form.criteriaPlan, document(numbered: plan) == nil {
                try fail("$.awardForms[\(i)].criteriaPlan", "\"\(plan)\" không có trong $.registry",
                         "expected a number listed in $.registry, found \"\(plan)\"")
            }
            for key in Array(form.quota.keys) + Array(form.criteriaClauses.keys) where !["ca-nhan", "tap-the"].contains(key) {
                let field = form.quota[key] != nil ? "quota" : "criteriaClauses"
                try fail("$.awardForms[\(i)].\(field).\(key)", "khoá phải là \"ca-nhan\" hoặc \"tap-the\"",
                         "expected the key \"ca-nhan\" or \"tap-the\"")
            }
        }
        for (i, document) in registry.enumerated() where DocumentNumber.parse(document.number)?.symbol == nil {
            try fail("$.registry[\(i)].number", "\"\(document.number)\" không phải số/ký hiệu (như 179/KH-UBND)",
                     "expected number/symbol like 179/KH-UBND, found \"\(document.number)\"")
        }
        if document(numbered: reportForm.citation) == nil {
            try fail("$.reportForm.citation", "\"\(reportForm.citation)\" không có trong $.registry",
                     "expected a number listed in $.registry, found \"\(reportForm.citation)\"")
        }
    }
}
