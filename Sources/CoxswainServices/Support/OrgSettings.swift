import CoxswainDomain
import Foundation

/// Organisation-wide configuration: name, default currency, fiscal calendar, time zone. Stored as one JSON
/// value under the `org` key of `org_settings`; editable through `/api/v1/settings`.
public struct OrgSettings: Sendable, Hashable, Codable {
    public var name: String
    public var defaultCurrency: Currency
    public var fiscalCalendar: FiscalCalendar
    /// Byte limit for request bodies (API) — oversized bodies get 413.
    public var maxBodyBytes: Int

    public init(
        name: String = "My organisation", defaultCurrency: Currency = .usd,
        fiscalCalendar: FiscalCalendar = FiscalCalendar(), maxBodyBytes: Int = 2 * 1024 * 1024
    ) {
        self.name = name
        self.defaultCurrency = defaultCurrency
        self.fiscalCalendar = fiscalCalendar
        self.maxBodyBytes = maxBodyBytes
    }

    static let key = "org"

    /// Loads the stored settings, or the defaults when none were saved.
    public static func load(from reader: any RecordReading) async throws -> OrgSettings {
        guard let text = try await reader.setting(key) else { return OrgSettings() }
        return (try? JSONDecoder().decode(OrgSettings.self, from: Data(text.utf8))) ?? OrgSettings()
    }

    /// Saves the settings (inside a write transaction).
    public func save(to writer: any RecordWriting) async throws {
        let data = try JSONEncoder().encode(self)
        try await writer.setSetting(Self.key, value: String(decoding: data, as: UTF8.self))
    }
}
