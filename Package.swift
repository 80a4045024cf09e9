// swift-tools-version:6.0
import PackageDescription

/// hoso: a validator and language server for Vietnamese commendation dossiers.
///
/// Layers, each a module that only imports the ones above it:
/// HosoText and HosoJSON (the one JSON value and reader) → HosoSyntax → HosoSemantics → HosoRules → front-end support (HosoWorkspace: config,
/// profiles, files; HosoProtocol: JSON-RPC and LSP types, knowing no rule; HosoReport: what
/// `hoso report` shows, as data; HosoExport: a dossier as its printed papers, DOCX and HTML)
/// → HosoServer and HosoCLI → hoso (executable).
/// Beside them, HosoSystem (no dependencies) is the only module that calls the operating system
/// (Glibc or Musl, Darwin, WinSDK): files, descriptors, processes. HosoWorkspace, HosoServer,
/// HosoCLI and the executables use it; the language layers (HosoText to HosoRules), HosoJSON and
/// HosoProtocol never do.
/// Every module refers to the metadata of its generic types through accessors, not mangled
/// names the runtime demangles at first use: a mangled `Dictionary<Key, Value>` makes the runtime
/// check `Key: Hashable` by scanning every conformance record of the program (about 200,000
/// instructions per key type), which was a third of a cold start.
let codegen: [SwiftSetting] = [.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"])]

let package = Package(
    name: "hoso",
    products: [
        .executable(name: "hoso", targets: ["hoso"]),
    ],
    targets: [
        .target(name: "HosoSystem", swiftSettings: codegen),
        .target(name: "HosoText", swiftSettings: codegen),
        .target(name: "HosoJSON", swiftSettings: codegen),
        .target(name: "HosoSyntax", dependencies: ["HosoText"], swiftSettings: codegen),
        .target(name: "HosoSemantics", dependencies: ["HosoText", "HosoSyntax", "HosoJSON"], swiftSettings: codegen),
        .target(name: "HosoRules", dependencies: ["HosoText", "HosoSyntax", "HosoSemantics"], swiftSettings: codegen),
        .target(name: "HosoProtocol", dependencies: ["HosoJSON"], swiftSettings: codegen),
        .target(name: "HosoExport", dependencies: ["HosoText", "HosoSyntax", "HosoSemantics"], swiftSettings: codegen),
        .target(name: "HosoWorkspace", dependencies: ["HosoText", "HosoJSON", "HosoSemantics", "HosoRules", "HosoProtocol", "HosoSystem"], swiftSettings: codegen),
        .target(name: "HosoReport", dependencies: ["HosoText", "HosoSyntax", "HosoSemantics", "HosoRules"], swiftSettings: codegen),
        .target(name: "HosoServer", dependencies: ["HosoText", "HosoSyntax", "HosoSemantics", "HosoRules", "HosoWorkspace", "HosoProtocol", "HosoSystem", "HosoExport"], swiftSettings: codegen),
        .target(name: "HosoCLI", dependencies: ["HosoText", "HosoSyntax", "HosoSemantics", "HosoRules", "HosoWorkspace", "HosoProtocol", "HosoServer", "HosoReport", "HosoExport", "HosoSystem"], swiftSettings: codegen),
        .executableTarget(name: "hoso", dependencies: ["HosoCLI", "HosoSystem"], swiftSettings: codegen),
        .executableTarget(name: "hoso-bench", dependencies: ["HosoText", "HosoSyntax", "HosoSemantics", "HosoRules", "HosoWorkspace", "HosoServer", "HosoProtocol", "HosoSystem"], swiftSettings: codegen),
        .testTarget(name: "HosoSystemTests", dependencies: ["HosoSystem"]),
        .testTarget(name: "HosoTextTests", dependencies: ["HosoText"]),
        .testTarget(name: "HosoSyntaxTests", dependencies: ["HosoText", "HosoSyntax"]),
        .testTarget(name: "HosoSemanticsTests", dependencies: ["HosoText", "HosoJSON", "HosoSyntax", "HosoSemantics"]),
        .testTarget(name: "HosoRulesTests", dependencies: ["HosoText", "HosoSyntax", "HosoSemantics", "HosoRules"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "HosoCLITests", dependencies: ["HosoCLI", "hoso", "HosoReport"], exclude: ["Golden"]),
        .testTarget(name: "GrammarTests"),
        .testTarget(name: "HosoExportTests", dependencies: ["HosoExport", "HosoText", "HosoSyntax", "HosoSemantics", "HosoRules"]),
        .testTarget(name: "HosoServerTests", dependencies: ["HosoServer", "HosoProtocol", "HosoWorkspace", "HosoSystem"]),
    ]
)
