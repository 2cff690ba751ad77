#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An I/O failure of ``CSVFileReader`` or ``CSVFileWriter``; every case names the path involved.
public enum CSVFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened (missing, unreadable, a directory, …). `reason` is the system message.
    case cannotOpen(path: String, reason: String)
    /// Reading failed after the file was opened.
    case readFailed(path: String, reason: String)
    /// Writing or flushing failed.
    case writeFailed(path: String, reason: String)
    /// The file was used after ``CSVFileWriter/close()``.
    case closed(path: String)

    /// A user-presentable message, e.g. `cannot open 'leads.csv': No such file or directory`.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "cannot open '\(path)': \(reason)"
        case .readFailed(let path, let reason): "cannot read '\(path)': \(reason)"
        case .writeFailed(let path, let reason): "cannot write '\(path)': \(reason)"
        case .closed(let path): "'\(path)' is already closed"
        }
    }
}

/// Thin POSIX helpers shared by the CSV file reader and writer.
enum CSVPOSIX {
    static func message(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func openForReading(_ path: String) throws(CSVFileError) -> Int32 {
        if path == "-" { return STDIN_FILENO }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: message(errno)) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            _ = close(descriptor)
            throw .cannotOpen(path: path, reason: "Is a directory")
        }
        return descriptor
    }

    static func openForWriting(_ path: String) throws(CSVFileError) -> Int32 {
        if path == "-" { return STDOUT_FILENO }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: message(errno)) }
        return descriptor
    }

    /// Size of a regular file, or `nil` for pipes, terminals and stdin.
    static func regularFileSize(_ descriptor: Int32) -> Int? {
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Reads up to `count` bytes, retrying on EINTR. Returns 0 at end of file.
    static func readChunk(_ descriptor: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            let result = read(descriptor, buffer, count)
            if result >= 0 || errno != EINTR { return result }
        }
    }

    /// Writes all bytes, retrying on EINTR and partial writes. Returns an errno value on failure.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if result < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += result
        }
        return nil
    }
}
