//! Name resolution scopes: which columns a query level can see, under which
//! table qualifiers, with their ClickHouse types and the DataFusion expressions
//! that read them.

use datafusion::common::Column as DfColumn;
use datafusion::logical_expr::Expr as DfExpr;

use crate::error::{Error, ErrorCode, Result};
use crate::functions::TypedExpr;
use crate::types::ChType;

/// One visible column.
#[derive(Debug, Clone)]
pub struct ScopeColumn {
    /// Table alias or table name.
    pub qualifier: Option<String>,
    /// Database of the table, when it came from a table (for `db.t.c`).
    pub database: Option<String>,
    pub name: String,
    pub ty: ChType,
    /// How to read it in the current plan.
    pub expr: DfExpr,
    /// Not part of `*` (e.g. ALIAS columns, the duplicate side of USING).
    pub hidden: bool,
}

/// The columns visible at one query level.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub columns: Vec<ScopeColumn>,
}

/// A DataFusion column reference by (optional) relation and name.
pub fn df_col(relation: Option<&str>, name: &str) -> DfExpr {
    DfExpr::Column(DfColumn::new(relation.map(|r| r.to_string()), name))
}

impl Scope {
    /// Resolves an identifier's parts. `Ok(None)` when nothing matches.
    pub fn resolve(&self, parts: &[String]) -> Result<Option<TypedExpr>> {
        let found = match parts {
            [name] => self.first(|c| &c.name == name),
            [q, name] => self.first(|c| c.qualifier.as_deref() == Some(q.as_str()) && &c.name == name),
            [db, t, name] => self.first(|c| {
                c.database.as_deref() == Some(db.as_str())
                    && c.qualifier.as_deref() == Some(t.as_str())
                    && &c.name == name
            }),
            _ => None,
        };
        Ok(found.map(|c| TypedExpr::new(c.expr.clone(), c.ty.clone())))
    }

    fn first(&self, pred: impl Fn(&ScopeColumn) -> bool) -> Option<&ScopeColumn> {
        // A visible column wins over a hidden one of the same name (USING keys).
        self.columns.iter().filter(|c| pred(c)).min_by_key(|c| c.hidden)
    }

    /// Whether some column has this qualifier.
    pub fn has_qualifier(&self, q: &str) -> bool {
        self.columns.iter().any(|c| c.qualifier.as_deref() == Some(q))
    }

    /// Columns for `*` or `q.*`.
    pub fn star(&self, qualifier: &[String]) -> Result<Vec<&ScopeColumn>> {
        let cols: Vec<&ScopeColumn> = match qualifier {
            [] => self.columns.iter().filter(|c| !c.hidden).collect(),
            [q] => self.columns.iter().filter(|c| !c.hidden && c.qualifier.as_deref() == Some(q.as_str())).collect(),
            [db, q] => self
                .columns
                .iter()
                .filter(|c| {
                    !c.hidden
                        && c.database.as_deref() == Some(db.as_str())
                        && c.qualifier.as_deref() == Some(q.as_str())
                })
                .collect(),
            _ => Vec::new(),
        };
        if cols.is_empty() && !qualifier.is_empty() {
            return Err(Error::new(
                ErrorCode::UNKNOWN_IDENTIFIER,
                format!("Unknown table expression identifier '{}'", qualifier.join(".")),
            ));
        }
        Ok(cols)
    }
}
