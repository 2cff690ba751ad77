import Foundation

/// Something the organisation sells.
public struct Product: Hashable, Sendable, Entity {
    public var meta: RecordMeta
    public var name: String
    public var sku: String?
    public var family: String?
    public var description: String?
    public var active: Bool

    public init(meta: RecordMeta, name: String, sku: String? = nil, family: String? = nil, description: String? = nil, active: Bool = true) {
        self.meta = meta
        self.name = name
        self.sku = sku
        self.family = family
        self.description = description
        self.active = active
    }

    public static let schema = EntitySchema(
        name: "product", plural: "products",
        fields: [
            FieldSpec("name", .text(maxLength: 255), required: true, aliases: ["Product Name", "Name"], doc: "Product name."),
            FieldSpec("sku", .text(maxLength: 80), aliases: ["Product Code", "SKU"], doc: "Stock-keeping unit; unique."),
            FieldSpec("family", .text(maxLength: 80), aliases: ["Product Family", "Family"], doc: "Product family."),
            FieldSpec("description", .text(maxLength: 4000), aliases: ["Description", "Product Description"], doc: "Description."),
            FieldSpec("active", .bool, default: .bool(true), aliases: ["Active"], doc: "Can be sold."),
        ],
        uniqueFields: ["sku"], filterable: ["name", "sku", "family", "active"])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        name = r.text("name") ?? ""
        sku = r.text("sku")
        family = r.text("family")
        description = r.text("description")
        active = r.bool("active") ?? true
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["name"] = .text(name)
        r["sku"] = .init(sku)
        r["family"] = .init(family)
        r["description"] = .init(description)
        r["active"] = .bool(active)
        return r
    }
}

/// A product's list price in one price book and currency ("Standard" USD, "Partner" EUR…).
public struct PriceBookEntry: Hashable, Sendable, Entity {
    public var meta: RecordMeta
    public var productID: String
    public var priceBook: String
    public var unitPrice: Money
    public var active: Bool

    public init(meta: RecordMeta, productID: String, priceBook: String = "Standard", unitPrice: Money, active: Bool = true) {
        self.meta = meta
        self.productID = productID
        self.priceBook = priceBook
        self.unitPrice = unitPrice
        self.active = active
    }

    public static let schema = EntitySchema(
        name: "price_book_entry", plural: "price-book-entries",
        fields: [
            FieldSpec("product_id", .reference("product"), required: true, aliases: ["Product ID", "Product"], doc: "Product priced."),
            FieldSpec(
                "price_book", .text(maxLength: 80), default: .text("Standard"), aliases: ["Price Book", "Price Book Name"], doc: "Price book name."),
            FieldSpec("unit_price", .money(currencyField: "currency"), required: true, aliases: ["List Price", "Unit Price"], doc: "List price."),
            FieldSpec("currency", .currency, aliases: ["Currency", "Currency ISO Code"], doc: "Currency of the price."),
            FieldSpec("active", .bool, default: .bool(true), aliases: ["Active"], doc: "Usable on new deals."),
        ],
        filterable: ["product_id", "price_book", "currency", "active"])

    public init(record r: Record) {
        meta = RecordMeta(record: r)
        productID = r.text("product_id") ?? ""
        priceBook = r.text("price_book") ?? "Standard"
        unitPrice = r.money("unit_price") ?? .zero(.usd)
        active = r.bool("active") ?? true
    }

    public var record: Record {
        var r = meta.record(Self.schema)
        r["product_id"] = .text(productID)
        r["price_book"] = .text(priceBook)
        r["unit_price"] = .decimal(unitPrice.amount)
        r["currency"] = .text(unitPrice.currency.code)
        r["active"] = .bool(active)
        return r
    }
}
