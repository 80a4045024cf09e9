/// Every rule, in code order. A test proves each file under `Rules/` is listed here and documented.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        HS001.self, HS002.self, HS003.self, HS004.self, HS005.self, HS010.self, HS011.self,
        HS101.self, HS102.self, HS103.self, HS104.self, HS105.self, HS106.self, HS107.self, HS108.self,
        HS109.self, HS110.self, HS111.self, HS112.self, HS113.self,
        HS201.self, HS202.self, HS203.self, HS204.self, HS205.self, HS206.self, HS207.self, HS208.self,
        HS209.self, HS210.self, HS211.self, HS212.self, HS213.self,
        HS301.self, HS302.self, HS303.self, HS304.self, HS305.self, HS306.self, HS307.self, HS308.self,
        HS401.self, HS402.self, HS403.self, HS404.self, HS405.self, HS406.self, HS407.self,
        HS501.self, HS502.self,
    ]

    /// The rules that look at every dossier checked together (listed, not found by casting
    /// `all`: a conformance lookup per rule cost a third of the cold start; a test checks the list).
    public static let crossFile: [any CrossFileRule.Type] = [HS501.self, HS502.self]

    private static let byCode: [String: any Rule.Type] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The rule with `code`, if there is one.
    public static func rule(code: String) -> (any Rule.Type)? { byCode[code] }
}
