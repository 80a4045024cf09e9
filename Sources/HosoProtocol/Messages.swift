@_exported import HosoJSON

/// JSON-RPC error codes used by the server (JSON-RPC 2.0 and LSP 3.17).
public enum ErrorCode: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestFailed = -32803
    case requestCancelled = -32800
    case contentModified = -32801
}

/// An error answer to a request.
public struct ResponseError: Error, Equatable, Sendable {
    public let code: ErrorCode
    public let message: String

    public init(_ code: ErrorCode, _ message: String) {
        self.code = code
        self.message = message
    }

    public static func invalidParams(_ message: String) -> ResponseError { ResponseError(.invalidParams, message) }
}

/// A request id: JSON-RPC allows numbers and strings.
public enum RequestID: Hashable, Sendable, CustomStringConvertible {
    case number(Int)
    case string(String)

    public init?(_ json: JSON) {
        if let n = json.intValue { self = .number(n) } else if let s = json.stringValue { self = .string(s) } else { return nil }
    }

    public var json: JSON {
        switch self {
        case .number(let n): return .int(n)
        case .string(let s): return .string(s)
        }
    }

    public var description: String {
        switch self {
        case .number(let n): return String(n)
        case .string(let s): return s
        }
    }
}

/// A decoded JSON-RPC message.
public enum Message: Sendable, Equatable {
    case request(id: RequestID, method: String, params: JSON)
    case notification(method: String, params: JSON)
    case response(id: RequestID?, result: JSON?, error: JSON?)

    /// Classifies a parsed JSON value; a value that is no JSON-RPC message is `invalidRequest`,
    /// with the id to answer when one could be read.
    public static func decode(_ json: JSON) -> Result<Message, InvalidMessage> {
        guard case .object = json else { return .failure(InvalidMessage(id: nil, reason: "a message must be a JSON object")) }
        let rawID = json["id"]
        let id = rawID.flatMap(RequestID.init)
        if let rawID, id == nil, !rawID.isNull {
            return .failure(InvalidMessage(id: nil, reason: "id must be a number or a string"))
        }
        guard json["jsonrpc"]?.stringValue == "2.0" else {
            return .failure(InvalidMessage(id: id, reason: "\"jsonrpc\" must be \"2.0\""))
        }
        if let method = json["method"] {
            guard let name = method.stringValue else { return .failure(InvalidMessage(id: id, reason: "method must be a string")) }
            let params = json["params"] ?? .null
            switch params {
            case .object, .array, .null: break
            default: return .failure(InvalidMessage(id: id, reason: "params must be an object or an array"))
            }
            if let id { return .success(.request(id: id, method: name, params: params)) }
            return .success(.notification(method: name, params: params))
        }
        if json["result"] != nil || json["error"] != nil {
            return .success(.response(id: id, result: json["result"], error: json["error"]))
        }
        return .failure(InvalidMessage(id: id, reason: "neither a request, a notification nor a response"))
    }
}

/// Why a JSON value is not a JSON-RPC message.
public struct InvalidMessage: Error, Equatable, Sendable {
    public let id: RequestID?
    public let reason: String
}

/// Builders for outgoing messages.
public enum Outgoing {
    public static func response(id: RequestID?, result: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null), ("result", result)])
    }

    public static func error(id: RequestID?, _ error: ResponseError) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id?.json ?? .null),
                 ("error", .object([("code", .int(error.code.rawValue)), ("message", .string(error.message))]))])
    }

    public static func notification(_ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)])
    }

    public static func request(id: RequestID, _ method: String, _ params: JSON) -> JSON {
        .object([("jsonrpc", .string("2.0")), ("id", id.json), ("method", .string(method)), ("params", params)])
    }
}

/// Typed reading of parameters: each accessor names the missing or mistyped field.
public struct Params: Sendable {
    public let json: JSON
    public init(_ json: JSON) { self.json = json }

    public func string(_ key: String) throws -> String {
        guard let value = json[key]?.stringValue else { throw ResponseError.invalidParams("\"\(key)\" must be a string") }
        return value
    }

    public func int(_ key: String) throws -> Int {
        guard let value = json[key]?.intValue else { throw ResponseError.invalidParams("\"\(key)\" must be an integer") }
        return value
    }

    public func object(_ key: String) throws -> Params {
        guard let value = json[key], case .object = value else { throw ResponseError.invalidParams("\"\(key)\" must be an object") }
        return Params(value)
    }

    public func array(_ key: String) throws -> [JSON] {
        guard let value = json[key]?.arrayValue else { throw ResponseError.invalidParams("\"\(key)\" must be an array") }
        return value
    }

    public func optional(_ key: String) -> JSON? {
        guard let value = json[key], !value.isNull else { return nil }
        return value
    }

    /// `{"line": L, "character": C}` with non-negative integers.
    public func position(_ key: String) throws -> (line: Int, character: Int) {
        let p = try object(key)
        let line = try p.int("line"), character = try p.int("character")
        guard line >= 0, character >= 0 else { throw ResponseError.invalidParams("\"\(key)\" must have non-negative line and character") }
        return (line, character)
    }

    /// `{"start": …, "end": …}`.
    public func range(_ key: String) throws -> (start: (line: Int, character: Int), end: (line: Int, character: Int)) {
        let r = try object(key)
        return (try r.position("start"), try r.position("end"))
    }

    /// `textDocument.uri`.
    public func documentURI() throws -> String { try object("textDocument").string("uri") }
}

extension JSON {
    /// An LSP `Position`: a 0-based line and a column in the negotiated encoding's units.
    public static func position(line: Int, character: Int) -> JSON {
        .object([("line", .int(line)), ("character", .int(character))])
    }

    /// An LSP `Range` from two positions.
    public static func range(_ start: (line: Int, character: Int), _ end: (line: Int, character: Int)) -> JSON {
        .object([("start", position(line: start.line, character: start.character)),
                 ("end", position(line: end.line, character: end.character))])
    }
}
