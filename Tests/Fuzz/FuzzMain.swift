// The one libFuzzer entry point of Tests/Fuzz/run.sh: HOSO_FUZZ_TARGET picks the target, so the
// library is compiled (with AddressSanitizer, which is slow) once for all of them.
#if canImport(Glibc)
import Glibc
#endif

let fuzzTarget: ([UInt8]) -> Void = {
    switch getenv("HOSO_FUZZ_TARGET").map({ String(cString: $0) }) ?? "lint" {
    case "protocol": return fuzzProtocol
    case "profile": return fuzzProfile
    case "walker": return fuzzWalker
    default: return fuzzLint
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEntry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    fuzzTarget(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
