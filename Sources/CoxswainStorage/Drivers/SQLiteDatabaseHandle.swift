import CoxswainServices
import Foundation
import Logging
import NIOPosix
import SQLKit
import SQLiteKit

/// SQLite through sqlite-kit: one writer connection (SQLite allows one writer) and, for file databases,
/// two reader connections that keep serving during long writes thanks to WAL mode.
///
/// Every connection gets `journal_mode=WAL`, `foreign_keys=ON`, `synchronous=NORMAL` and a busy timeout.
public final class SQLiteDatabaseHandle: DatabaseHandle {
    public let engine = "sqlite"
    private let writer: Lane
    private let readers: [Lane]
    private let next = Counter()
    /// The database file (nil in memory), and the raw connection bulk inserts use while holding the writer lock.
    private let path: String?
    private let bulk = BulkSlot()

    private struct Lane: Sendable {
        let connection: SQLiteConnection
        let lock = AsyncLock()
        var sql: any SQLDatabase { connection.sql() }
    }

    /// Opens (creating if needed) the database at `path`; `":memory:"` opens a private in-memory database.
    public static func open(path: String, logger: Logger = Logger(label: "coxswain.sqlite")) async throws -> SQLiteDatabaseHandle {
        let memory = path == ":memory:"
        let storage: SQLiteConnection.Storage = memory ? .memory : .file(path: path)
        let pool = NIOThreadPool.singleton
        let elg = MultiThreadedEventLoopGroup.singleton
        func connect() async throws -> SQLiteConnection {
            let c = try await SQLiteConnection.open(storage: storage, threadPool: pool, logger: logger, on: elg.any()).get()
            let db = c.sql()
            try await db.raw("PRAGMA busy_timeout = 10000").run()
            if !memory { try await db.raw("PRAGMA journal_mode = WAL").run() }
            try await db.raw("PRAGMA foreign_keys = ON").run()
            try await db.raw("PRAGMA synchronous = NORMAL").run()
            try await db.raw("PRAGMA cache_size = -65536").run()
            return c
        }
        let writer = Lane(connection: try await connect())
        var readers: [Lane] = []
        if !memory { for _ in 0..<2 { readers.append(Lane(connection: try await connect())) } }
        return SQLiteDatabaseHandle(writer: writer, readers: readers, path: memory ? nil : path)
    }

    private init(writer: Lane, readers: [Lane], path: String?) {
        self.writer = writer
        self.readers = readers
        self.path = path
    }

    public func withReader<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let lane = readers.isEmpty ? writer : readers[next.increment() % readers.count]
        return try await lane.lock.withLock { try await body(lane.sql) }
    }

    public func withTransaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let lane = writer
        return try await lane.lock.withLock {
            try await Self.transaction(on: lane.sql, begin: "BEGIN IMMEDIATE", body)
        }
    }

    public func close() async throws {
        let bulk = self.bulk
        try await writer.lock.withLock { bulk.close() }
        for lane in readers + [writer] {
            try await lane.lock.withLock { try await lane.connection.close().get() }
        }
    }
}

extension SQLiteDatabaseHandle: BulkLoading {
    /// Writes `batch` through the raw bulk connection while holding the writer lock (so it is the only writer),
    /// on the NIO thread pool like sqlite-nio's own calls. In-memory databases have no second connection: false.
    func insertBulk(_ batch: BulkInsert) async throws -> Bool {
        guard let path else { return false }
        let bulk = self.bulk
        try await writer.lock.withLock {
            try await NIOThreadPool.singleton.runIfActive { try bulk.connection(path: path).write(batch) }
        }
        return true
    }
}

/// The lazily opened bulk connection; only touched while the writer lock is held.
private final class BulkSlot: @unchecked Sendable {
    private var connection: SQLiteBulkConnection?

    func connection(path: String) throws -> SQLiteBulkConnection {
        if let connection { return connection }
        let opened = try SQLiteBulkConnection(path: path)
        connection = opened
        return opened
    }

    func close() {
        connection?.close()
        connection = nil
    }
}

/// A thread-safe counter for round-robin choices.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value &+= 1
        return value & Int.max
    }
}
