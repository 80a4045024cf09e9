/// Every rule, in code order. A test proves each file under `Rules/` is listed here and documented.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        HS001.self, HS002.self, HS003.self, HS004.self, HS005.self, HS010.self,
        HS101.self, HS102.self, HS103.self, HS104.self, HS105.self, HS106.self, HS107.self, HS108.self,
        HS109.self, HS110.self, HS111.self, HS112.self, HS113.self,
    ]

    private static let byCode: [String: any Rule.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The rule with `code`, if there is one.
    public static func rule(code: String) -> (any Rule.Type)? { byCode[code] }
}
