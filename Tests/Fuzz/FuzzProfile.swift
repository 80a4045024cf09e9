// libFuzzer target: arbitrary bytes as a profile and as a hoso.json. Either loads or gives a
// ProfileError / WorkspaceError; nothing else (no crash, no hang, no other error).
#if canImport(Glibc)
import Glibc
#endif

func fuzzProfile(_ bytes: [UInt8]) {
    do {
        _ = try Profile.load(json: bytes, file: "p.json")
    } catch is ProfileError {
    } catch {
        preconditionFailure("Profile.load threw \(error)")
    }
    let file = "/tmp/hoso-fuzz-\(getpid())-hoso.json"
    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    try? FileDescriptor(rawValue: fd).writeAll(bytes)
    close(fd)
    do {
        _ = try Config.load(file)
    } catch is WorkspaceError {
    } catch {
        preconditionFailure("Config.load threw \(error)")
    }
    unlink(file)
}
