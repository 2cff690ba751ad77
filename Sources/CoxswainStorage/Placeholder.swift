import CoxswainServices; import SQLKit; import SQLiteKit; import PostgresKit
