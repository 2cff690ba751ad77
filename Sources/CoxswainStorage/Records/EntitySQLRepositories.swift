import CoxswainDomain
import CoxswainServices

/// Per-entity repositories over the SQL store: the typed view engines use (see ``EntityRepository``).
/// Writes go through ``RecordService`` so they are validated and audited.
public typealias RepSQLRepository = EntityRepository<Rep>
public typealias TeamSQLRepository = EntityRepository<Team>
public typealias AccountSQLRepository = EntityRepository<Account>
public typealias ContactSQLRepository = EntityRepository<Contact>
public typealias LeadSQLRepository = EntityRepository<Lead>
public typealias OpportunitySQLRepository = EntityRepository<Opportunity>
public typealias ActivitySQLRepository = EntityRepository<Activity>
public typealias ProductSQLRepository = EntityRepository<Product>
public typealias PriceBookEntrySQLRepository = EntityRepository<PriceBookEntry>
public typealias QuotaSQLRepository = EntityRepository<Quota>
public typealias StageSQLRepository = EntityRepository<StageDefinition>

extension EntityRepository {
    /// A repository over the SQL store of `handle`.
    public init(handle: any DatabaseHandle) { self.init(store: SQLRecordStore(handle: handle)) }
}
