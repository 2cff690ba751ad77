/// Every entity schema Coxswain stores, in dependency order (referenced entities before referencing ones),
/// which is also the order imports and the demo generator load them in.
public enum EntityCatalog {
    public static let all: [EntitySchema] = [
        StageDefinition.schema, CustomFieldDefinition.schema, Team.schema, Rep.schema, Account.schema, Contact.schema,
        Lead.schema, Opportunity.schema, Activity.schema, Product.schema, PriceBookEntry.schema, Quota.schema,
    ]

    /// Looks an entity up by singular name, plural, or table (`lead`, `leads`, `price-book-entries`).
    public static func schema(named name: String) -> EntitySchema? {
        let n = name.lowercased()
        return all.first { $0.name == n || $0.plural == n || $0.table == n || $0.name.replacingOccurrences(of: "_", with: "-") == n }
    }
}
