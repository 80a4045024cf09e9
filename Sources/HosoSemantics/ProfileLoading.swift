import FoundationEssentials
import HosoText

/// Why a profile could not be used: the file, the JSON path and what was expected.
public struct ProfileError: Error, Equatable, CustomStringConvertible {
    public let file: String
    /// A JSONPath-like location (`$.awardForms[1].quota`).
    public let path: String
    public let problem: String

    public var description: String { "\(file): \(path): \(problem)" }
}

extension Profile {
    /// Decodes and validates a profile; errors name `file`, the JSON path and the expectation.
    public static func load(json data: [UInt8], file: String) throws -> Profile {
        let profile: Profile
        // Windows editors start JSON with a BOM; it is not part of the JSON.
        let body = data.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(data.dropFirst(3)) : data
        do {
            profile = try JSONDecoder().decode(Profile.self, from: Data(body))
        } catch let error as DecodingError {
            throw ProfileError(file: file, path: jsonPath(codingPath(of: error)), problem: describe(error))
        } catch {
            throw ProfileError(file: file, path: "$", problem: "không đọc được JSON / not readable JSON (\(error))")
        }
        try profile.validate(file: file)
        return profile
    }

    /// Checks what the types cannot: references between fields and sensible values.
    func validate(file: String) throws {
        func fail(_ path: String, _ problem: String) throws { throw ProfileError(file: file, path: path, problem: problem) }
        if evaluationYears.isEmpty { try fail("$.evaluationYears", "cần ít nhất một năm / expected at least one year") }
        if ratings.isEmpty { try fail("$.ratings", "cần ít nhất một mức xếp loại / expected at least one rating") }
        if awardForms.isEmpty { try fail("$.awardForms", "cần ít nhất một hình thức / expected at least one award form") }
        if !(0...100).contains(votePercentThreshold) {
            try fail("$.votePercentThreshold", "cần một số từ 0 đến 100 / expected a number from 0 to 100")
        }
        for (i, form) in awardForms.enumerated() {
            if let minimum = form.minimumRating, !ratings.contains(where: { $0.id == minimum }) {
                try fail("$.awardForms[\(i)].minimumRating", "\"\(minimum)\" không phải id của mức xếp loại nào / expected the id of a rating (\(ratings.map(\.id).joined(separator: ", ")))")
            }
            if let plan = form.criteriaPlan, document(numbered: plan) == nil {
                try fail("$.awardForms[\(i)].criteriaPlan", "\"\(plan)\" không có trong registry / expected a number listed in $.registry")
            }
            for key in Array(form.quota.keys) + Array(form.criteriaClauses.keys) where !["ca-nhan", "tap-the"].contains(key) {
                try fail("$.awardForms[\(i)]", "khoá \"\(key)\" phải là \"ca-nhan\" hoặc \"tap-the\" / expected keys \"ca-nhan\" or \"tap-the\"")
            }
        }
        for (i, document) in registry.enumerated() where DocumentNumber.parse(document.number)?.symbol == nil {
            try fail("$.registry[\(i)].number", "\"\(document.number)\" không phải số/ký hiệu / expected number/symbol like 179/KH-UBND")
        }
        if document(numbered: reportForm.citation) == nil {
            try fail("$.reportForm.citation", "\"\(reportForm.citation)\" không có trong registry / expected a number listed in $.registry")
        }
    }

    static func codingPath(of error: DecodingError) -> [CodingKey] {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
             .dataCorrupted(let context):
            return context.codingPath
        @unknown default:
            return []
        }
    }

    static func jsonPath(_ codingPath: [CodingKey]) -> String {
        var path = "$"
        for key in codingPath {
            if let index = key.intValue { path += "[\(index)]" } else { path += "." + key.stringValue }
        }
        return path
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .typeMismatch(let type, let context):
            let found = foundName(context.debugDescription)
            return "sai kiểu, cần \(typeName(type).vi)\(found.map { ", gặp \($0.vi)" } ?? "") / expected \(typeName(type).en)\(found.map { ", found \($0.en)" } ?? "")"
        case .valueNotFound(let type, _):
            return "thiếu giá trị (null), cần \(typeName(type).vi) / expected \(typeName(type).en), found null"
        case .keyNotFound(let key, let context):
            return "thiếu khoá \"\(key.stringValue)\" / missing key \"\(key.stringValue)\" at \(jsonPath(context.codingPath))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "không phải JSON hợp lệ / not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))"
            }
            return context.debugDescription
        @unknown default:
            return "\(error)"
        }
    }

    /// What the decoder found instead of the expected type, read from its description
    /// ("… but found a string instead."); nil when the description says nothing known.
    static func foundName(_ description: String) -> (vi: String, en: String)? {
        for (word, names) in [("string", ("một chuỗi", "a string")), ("array", ("một mảng", "an array")),
                              ("dictionary", ("một đối tượng", "an object")), ("bool", ("true/false", "true/false")),
                              ("number", ("một số", "a number"))] where description.contains("found \(word)") || description.contains("found a \(word)") || description.contains("found an \(word)") {
            return names
        }
        return nil
    }

    /// What a type is called in an error, in Vietnamese and in English.
    static func typeName(_ type: Any.Type) -> (vi: String, en: String) {
        switch type {
        case is String.Type: return ("một chuỗi", "a string")
        case is Int.Type: return ("một số nguyên", "an integer")
        case is Double.Type: return ("một số", "a number")
        case is Bool.Type: return ("true/false", "true/false")
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return ("một mảng [...]", "an array") }
            return ("một đối tượng {...}", "an object")
        }
    }
}
