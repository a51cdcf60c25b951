//! The ClickHouse AST: what Granary's parser produces and the binder consumes.
//!
//! It mirrors ClickHouse's own AST (`src/Parsers/AST*.h`) closely enough that
//! ClickHouse's column names (`plus(1, 2)`, `count()`) can be printed from it:
//! operators are kept as function calls with ClickHouse's function names
//! (`a + b` is `Function { name: "plus", .. }`), so there is one place that knows
//! how every expression is called. `Display` prints ClickHouse's column name of
//! an expression (`formatAST` in "column name" mode).

use std::fmt;

/// A literal value as written in SQL.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Null,
    Bool(bool),
    /// An unsigned integer literal that fits in u64.
    UInt(u64),
    /// A negative integer literal (only produced when folding unary minus on a number).
    Int(i64),
    /// A float literal; the original text is kept for the column name.
    Float(f64),
    /// A float literal whose decimal digits an f64 cannot hold (`12345678901234567890.5`):
    /// its value and its source text, which INSERT and `::` parse exactly as a Decimal.
    ExactFloat(f64, String),
    /// A very large integer literal (beyond u64) kept as text (UInt128/256, Float64).
    BigInt(String),
    String(Vec<u8>),
}

/// A window frame bound.
#[derive(Debug, Clone, PartialEq)]
pub enum FrameBound {
    UnboundedPreceding,
    Preceding(Box<Expr>),
    CurrentRow,
    Following(Box<Expr>),
    UnboundedFollowing,
}

/// `OVER (...)` of a window function.
#[derive(Debug, Clone, PartialEq)]
pub struct WindowSpec {
    /// `OVER w` or `OVER (w ...)`: a named window to start from.
    pub base: Option<String>,
    pub partition_by: Vec<Expr>,
    pub order_by: Vec<OrderByItem>,
    /// (is ROWS (else RANGE), start, end)
    pub frame: Option<(bool, FrameBound, FrameBound)>,
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Literal(Literal),
    /// A possibly qualified identifier: `x`, `t.x`, `db.t.x`. Parts as written.
    Identifier(Vec<String>),
    /// `*`, `t.*` (qualifier parts), optionally with `EXCEPT (a, b)` / `REPLACE`.
    Asterisk {
        qualifier: Vec<String>,
        except: Vec<String>,
    },
    /// `COLUMNS('regexp')`.
    Columns(String),
    /// A function call. Operators are calls too: `a + b` → `plus(a, b)`,
    /// `a[i]` → `arrayElement(a, i)`, `t.1` → `tupleElement(t, 1)`,
    /// `NOT x` → `not(x)`, `-x` → `negate(x)`, `a AND b AND c` → `and(a, b, c)`,
    /// `x IS NULL` → `isNull(x)`, `x BETWEEN a AND b` → `and(greaterOrEquals(x, a), lessOrEquals(x, b))`,
    /// `x IN (…)` → `in(x, tuple(…))` or `in(x, Subquery)`, `[a, b]` → `array(a, b)`,
    /// `(a, b)` → `tuple(a, b)`, `c ? a : b` → `if(c, a, b)`, `x LIKE y` → `like(x, y)`,
    /// `a || b` → `concat(a, b)`, `CASE` → `multiIf`/`caseWithExpression`,
    /// `EXTRACT(DAY FROM d)` → `toDayOfMonth(d)`, `INTERVAL 1 DAY` → `toIntervalDay(1)`,
    /// `CAST(x AS T)` / `x::T` → `Cast`, `DATE '2024-01-01'` → `toDate('2024-01-01')`.
    Function(Box<FunctionCall>),
    /// `CAST(x AS T)`, `x::T`; `CAST(x, 'T')` stays a function call named `CAST`.
    Cast {
        expr: Box<Expr>,
        type_name: String,
        syntax: CastSyntax,
    },
    /// `x -> expr` or `(x, y) -> expr`.
    Lambda {
        params: Vec<String>,
        body: Box<Expr>,
    },
    /// A scalar subquery `(SELECT …)` or the right side of IN.
    Subquery(Box<SelectQuery>),
    /// `expr AS alias` anywhere in an expression.
    Alias {
        expr: Box<Expr>,
        alias: String,
    },
    /// A query parameter `{name:Type}`.
    Parameter {
        name: String,
        type_name: String,
    },
}

/// How a cast was written (the column name differs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CastSyntax {
    /// `CAST(x AS T)`
    Function,
    /// `x::T`
    Operator,
}

/// A function call, aggregate or window function.
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionCall {
    /// The name as written (`sum`, `uniqIf`, `plus`).
    pub name: String,
    /// Parameters of a parametric aggregate: `quantile(0.9)(x)` → `[0.9]`.
    pub params: Option<Vec<Expr>>,
    pub args: Vec<Expr>,
    /// `count(DISTINCT x)`.
    pub distinct: bool,
    /// `f(...) OVER (...)`.
    pub over: Option<WindowSpec>,
    /// `RESPECT NULLS` / `IGNORE NULLS` (kept; `Some(true)` = IGNORE NULLS).
    pub ignore_nulls: Option<bool>,
}

impl FunctionCall {
    /// A plain call `name(args)`.
    pub fn new(name: impl Into<String>, args: Vec<Expr>) -> Self {
        FunctionCall { name: name.into(), params: None, args, distinct: false, over: None, ignore_nulls: None }
    }
}

impl Expr {
    /// Shorthand for a plain function call expression.
    pub fn call(name: impl Into<String>, args: Vec<Expr>) -> Expr {
        Expr::Function(Box::new(FunctionCall::new(name, args)))
    }

    /// A single-part identifier.
    pub fn ident(name: impl Into<String>) -> Expr {
        Expr::Identifier(vec![name.into()])
    }
}

/// `ORDER BY` element.
#[derive(Debug, Clone, PartialEq)]
pub struct OrderByItem {
    pub expr: Expr,
    pub desc: bool,
    /// `NULLS FIRST` → Some(true), `NULLS LAST` → Some(false).
    pub nulls_first: Option<bool>,
    /// `COLLATE 'x'`.
    pub collate: Option<String>,
    /// `WITH FILL [FROM a] [TO b] [STEP c]`.
    pub with_fill: Option<WithFill>,
}

/// `WITH FILL` options of an ORDER BY item.
#[derive(Debug, Clone, PartialEq)]
pub struct WithFill {
    pub from: Option<Expr>,
    pub to: Option<Expr>,
    pub step: Option<Expr>,
}

/// Join strictness: `ANY`, `ALL`, `SEMI`, `ANTI`, `ASOF`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinStrictness {
    Unspecified,
    Any,
    All,
    Semi,
    Anti,
    Asof,
}

/// Join kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JoinKind {
    Inner,
    Left,
    Right,
    Full,
    Cross,
    /// A comma in FROM: `FROM a, b`.
    Comma,
    /// `PASTE JOIN`.
    Paste,
}

/// `ON expr` or `USING (a, b)`.
#[derive(Debug, Clone, PartialEq)]
pub enum JoinConstraint {
    None,
    On(Expr),
    Using(Vec<String>),
}

/// A table expression in FROM.
#[derive(Debug, Clone, PartialEq)]
pub enum TableExpr {
    /// `[db.]table [FINAL] [SAMPLE …] [AS alias]`.
    Table { database: Option<String>, name: String, alias: Option<String>, final_: bool, sample: Option<SampleClause> },
    /// `(SELECT …) [AS alias]`.
    Subquery { query: Box<SelectQuery>, alias: Option<String> },
    /// `numbers(10) [AS alias]`.
    Function { call: FunctionCall, alias: Option<String> },
    /// `left [GLOBAL] [strictness] kind JOIN right constraint`.
    Join {
        left: Box<TableExpr>,
        right: Box<TableExpr>,
        kind: JoinKind,
        strictness: JoinStrictness,
        global: bool,
        constraint: JoinConstraint,
    },
    /// `left [LEFT] ARRAY JOIN exprs` (each `expr [AS alias]`).
    ArrayJoin { left: Box<TableExpr>, left_join: bool, exprs: Vec<(Expr, Option<String>)> },
}

/// `SAMPLE k [OFFSET m]`.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleClause {
    pub ratio: Expr,
    pub offset: Option<Expr>,
}

/// `GROUP BY` modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum GroupByModifier {
    #[default]
    None,
    Rollup,
    Cube,
    /// `GROUPING SETS ((a), (a, b))` — the sets live in `grouping_sets`.
    GroupingSets,
}

/// One element of a WITH clause.
#[derive(Debug, Clone, PartialEq)]
pub enum WithItem {
    /// `WITH expr AS name` (ClickHouse style: an alias usable in the query).
    Expr { expr: Expr, name: String },
    /// `WITH name AS (SELECT …)` (a common table expression).
    Cte { name: String, query: Box<SelectQuery> },
}

/// `LIMIT n [OFFSET m] BY exprs`.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitBy {
    pub limit: Expr,
    pub offset: Option<Expr>,
    pub by: Vec<Expr>,
}

/// A single `SELECT` (one arm of a union).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Select {
    pub with: Vec<WithItem>,
    pub distinct: bool,
    /// `DISTINCT ON (a, b)`.
    pub distinct_on: Option<Vec<Expr>>,
    /// `SELECT TOP n`.
    pub top: Option<Expr>,
    pub projection: Vec<Expr>,
    pub from: Option<TableExpr>,
    pub prewhere: Option<Expr>,
    pub where_: Option<Expr>,
    pub group_by: Vec<Expr>,
    /// `GROUP BY ALL`.
    pub group_by_all: bool,
    pub group_by_modifier: GroupByModifier,
    pub grouping_sets: Vec<Vec<Expr>>,
    pub with_totals: bool,
    pub having: Option<Expr>,
    pub qualify: Option<Expr>,
    /// `WINDOW w AS (…)`.
    pub windows: Vec<(String, WindowSpec)>,
    pub order_by: Vec<OrderByItem>,
    /// `ORDER BY ALL`.
    pub order_by_all: Option<(bool, Option<bool>)>,
    pub limit_by: Option<LimitBy>,
    pub limit: Option<Expr>,
    pub offset: Option<Expr>,
    /// `LIMIT n WITH TIES`.
    pub with_ties: bool,
    /// `SETTINGS k = v` on this SELECT.
    pub settings: Vec<(String, Expr)>,
}

/// Set operators between selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetOp {
    UnionAll,
    UnionDistinct,
    /// Bare `UNION` (resolved by the `union_default_mode` setting).
    Union,
    Intersect,
    IntersectDistinct,
    Except,
    ExceptDistinct,
}

/// A query: one select, or selects combined by set operators, with the outer
/// ORDER BY / LIMIT that apply to the whole union when written after parentheses.
#[derive(Debug, Clone, PartialEq)]
pub enum SelectQuery {
    Select(Box<Select>),
    /// `left op right`, left-associative as written (INTERSECT binds tighter than UNION/EXCEPT).
    SetOp {
        op: SetOp,
        left: Box<SelectQuery>,
        right: Box<SelectQuery>,
    },
    /// `(query)` with its own trailing clauses, e.g. `(SELECT …) ORDER BY x LIMIT 3` is not
    /// valid ClickHouse, but `SELECT * FROM (…)` is; kept for parenthesized arms.
    Parens(Box<SelectQuery>),
}

/// A column definition in CREATE TABLE.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnDef {
    pub name: String,
    /// Type name text (parse with `types::parse_type`); None when only a default is given.
    pub type_name: Option<String>,
    /// `NULL` / `NOT NULL` after the type.
    pub nullable: Option<bool>,
    pub default: Option<ColumnDefault>,
    pub comment: Option<String>,
    /// `CODEC(...)`: the raw text inside the parentheses.
    pub codec: Option<String>,
    /// `TTL expr`.
    pub ttl: Option<Expr>,
}

/// `DEFAULT` / `MATERIALIZED` / `ALIAS` / `EPHEMERAL` expression of a column.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnDefault {
    Default(Expr),
    Materialized(Expr),
    Alias(Expr),
    Ephemeral(Option<Expr>),
}

/// `INDEX name expr TYPE type(args) GRANULARITY n`.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexDef {
    pub name: String,
    pub expr: Expr,
    /// The index type as a call: `bloom_filter(0.01)`, `minmax`, `set(100)`.
    pub index_type: FunctionCall,
    pub granularity: Option<u64>,
}

/// `ENGINE = Name(args) ORDER BY … PARTITION BY … PRIMARY KEY … SAMPLE BY … TTL … SETTINGS …`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EngineClause {
    pub name: String,
    /// Engine arguments; `None` when written without parentheses.
    pub args: Option<Vec<Expr>>,
    pub order_by: Option<Expr>,
    pub partition_by: Option<Expr>,
    pub primary_key: Option<Expr>,
    pub sample_by: Option<Expr>,
    pub ttl: Option<Expr>,
    pub settings: Vec<(String, Expr)>,
}

/// `CREATE TABLE`.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateTable {
    pub if_not_exists: bool,
    pub or_replace: bool,
    pub temporary: bool,
    pub database: Option<String>,
    pub name: String,
    pub columns: Vec<ColumnDef>,
    pub indexes: Vec<IndexDef>,
    /// `PROJECTION` and `CONSTRAINT` clauses are kept as raw text.
    pub constraints: Vec<(String, Expr)>,
    /// `AS [db.]other` (copy structure).
    pub as_table: Option<(Option<String>, String)>,
    /// `AS table_function(...)`.
    pub as_function: Option<FunctionCall>,
    pub engine: Option<EngineClause>,
    /// `AS SELECT …` (with or without an explicit column list).
    pub as_select: Option<Box<SelectQuery>>,
    pub comment: Option<String>,
}

/// What follows `INSERT INTO t [(cols)]`.
#[derive(Debug, Clone, PartialEq)]
pub enum InsertSource {
    /// `VALUES (…), (…)`: each row's expressions.
    Values(Vec<Vec<Expr>>),
    /// `SELECT …`.
    Select(Box<SelectQuery>),
    /// `FORMAT Name <data>`: the format name and the raw bytes after it.
    Format { format: String, data: Vec<u8> },
}

/// `INSERT INTO [TABLE] [db.]t [(c1, c2)] …` or `INSERT INTO FUNCTION f(…)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Insert {
    pub database: Option<String>,
    pub table: String,
    pub columns: Option<Vec<String>>,
    pub source: InsertSource,
    pub settings: Vec<(String, Expr)>,
}

/// `SHOW …` variants.
#[derive(Debug, Clone, PartialEq)]
pub enum ShowKind {
    Databases { like: Option<String> },
    Tables { database: Option<String>, like: Option<String> },
    CreateTable { database: Option<String>, name: String },
    CreateDatabase { name: String },
    Columns { database: Option<String>, table: String },
    Processlist,
    Settings { like: Option<String> },
    Functions { like: Option<String> },
    Engines,
}

/// EXPLAIN kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExplainKind {
    Ast,
    Syntax,
    Plan,
    Pipeline,
    Estimate,
    QueryTree,
}

/// `ALTER TABLE` commands (one ALTER may carry several, comma-separated).
#[derive(Debug, Clone, PartialEq)]
pub enum AlterCommand {
    AddColumn { column: ColumnDef, if_not_exists: bool, after: Option<String>, first: bool },
    DropColumn { name: String, if_exists: bool },
    ModifyColumn { column: ColumnDef, if_exists: bool },
    RenameColumn { from: String, to: String, if_exists: bool },
    CommentColumn { name: String, comment: String },
    AddIndex { index: IndexDef, if_not_exists: bool },
    DropIndex { name: String, if_exists: bool },
    MaterializeIndex { name: String, partition: Option<Expr> },
    ClearIndex { name: String, partition: Option<Expr> },
    Delete { predicate: Expr },
    Update { assignments: Vec<(String, Expr)>, predicate: Expr },
    DropPartition { partition: Expr, detach: bool },
    AttachPartition { partition: Expr },
    ModifyTtl(Expr),
    ModifySetting(Vec<(String, Expr)>),
    ModifyOrderBy(Expr),
}

/// `SYSTEM …` commands, kept as their words (`STOP MERGES`, `SYNC REPLICA`) plus an optional table.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemCommand {
    pub words: Vec<String>,
    pub database: Option<String>,
    pub table: Option<String>,
}

/// A statement, with the trailing `FORMAT` / `INTO OUTFILE` / `SETTINGS` that any query may have.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub kind: StatementKind,
    /// `FORMAT Name` after the query.
    pub format: Option<String>,
    /// `INTO OUTFILE 'path'`.
    pub into_outfile: Option<String>,
    /// `SETTINGS k = v, …` after the query (for SELECT, also stored here).
    pub settings: Vec<(String, Expr)>,
}

/// `[db.]name`.
pub type QualifiedName = (Option<String>, String);

/// The statement kinds.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::type_complexity)]
pub enum StatementKind {
    Select(Box<SelectQuery>),
    Insert(Box<Insert>),
    CreateTable(Box<CreateTable>),
    /// `CREATE [MATERIALIZED] VIEW` is kept minimal: name + query.
    CreateView {
        if_not_exists: bool,
        or_replace: bool,
        database: Option<String>,
        name: String,
        query: Box<SelectQuery>,
        materialized: bool,
        to: Option<(Option<String>, String)>,
    },
    CreateDatabase {
        if_not_exists: bool,
        name: String,
        engine: Option<EngineClause>,
    },
    /// `DROP TABLE|VIEW|DICTIONARY [IF EXISTS] [db.]t [SYNC]`; `DROP DATABASE`.
    DropTable {
        if_exists: bool,
        database: Option<String>,
        name: String,
        is_view: bool,
        temporary: bool,
    },
    DropDatabase {
        if_exists: bool,
        name: String,
    },
    Truncate {
        if_exists: bool,
        database: Option<String>,
        name: String,
    },
    /// `RENAME TABLE a TO b, c TO d`.
    Rename {
        pairs: Vec<(QualifiedName, QualifiedName)>,
    },
    /// `EXCHANGE TABLES a AND b`.
    Exchange {
        a: (Option<String>, String),
        b: (Option<String>, String),
    },
    Alter {
        database: Option<String>,
        table: String,
        commands: Vec<AlterCommand>,
    },
    /// `DELETE FROM t WHERE …` (lightweight delete).
    Delete {
        database: Option<String>,
        table: String,
        predicate: Expr,
    },
    Set(Vec<(String, Expr)>),
    Use(String),
    Show(ShowKind),
    Describe {
        table: TableExpr,
    },
    /// `EXISTS [TABLE|DATABASE] name`.
    Exists {
        database: Option<String>,
        name: String,
        is_database: bool,
    },
    Explain {
        kind: ExplainKind,
        settings: Vec<(String, Expr)>,
        statement: Box<Statement>,
    },
    Optimize {
        database: Option<String>,
        table: String,
        partition: Option<Expr>,
        final_: bool,
        deduplicate: bool,
    },
    System(SystemCommand),
    /// `KILL QUERY WHERE …`.
    KillQuery {
        predicate: Expr,
        sync: bool,
    },
    /// `CHECK TABLE t`.
    Check {
        database: Option<String>,
        table: String,
    },
    /// `DETACH` / `ATTACH TABLE t`.
    Detach {
        database: Option<String>,
        name: String,
        permanently: bool,
    },
    Attach {
        database: Option<String>,
        name: String,
    },
}

// ---------- column names (ClickHouse `getColumnName`) ----------

fn write_literal(f: &mut fmt::Formatter<'_>, lit: &Literal) -> fmt::Result {
    match lit {
        Literal::Null => f.write_str("NULL"),
        Literal::Bool(b) => f.write_str(if *b { "true" } else { "false" }),
        Literal::UInt(v) => write!(f, "{v}"),
        Literal::Int(v) => write!(f, "{v}"),
        Literal::Float(v) => {
            if v.is_nan() {
                f.write_str("nan")
            } else if v.is_infinite() {
                f.write_str(if *v > 0.0 { "inf" } else { "-inf" })
            } else {
                write!(f, "{}", crate::formats::text::format_f64(*v))
            }
        }
        Literal::ExactFloat(v, _) => write!(f, "{}", crate::formats::text::format_f64(*v)),
        Literal::BigInt(s) => f.write_str(s),
        Literal::String(s) => {
            f.write_str("'")?;
            for &b in s {
                match b {
                    b'\'' => f.write_str("\\'")?,
                    b'\\' => f.write_str("\\\\")?,
                    b'\n' => f.write_str("\\n")?,
                    b'\t' => f.write_str("\\t")?,
                    b'\r' => f.write_str("\\r")?,
                    0 => f.write_str("\\0")?,
                    _ => write!(f, "{}", b as char)?,
                }
            }
            f.write_str("'")
        }
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, items: &[Expr]) -> fmt::Result {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{e}")?;
    }
    Ok(())
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expr::Literal(l) => write_literal(f, l),
            Expr::Identifier(parts) => f.write_str(&parts.join(".")),
            Expr::Asterisk { qualifier, .. } => {
                if qualifier.is_empty() {
                    f.write_str("*")
                } else {
                    write!(f, "{}.*", qualifier.join("."))
                }
            }
            Expr::Columns(re) => write!(f, "COLUMNS('{re}')"),
            Expr::Function(call) => {
                let all_literal = !call.args.is_empty() && call.args.iter().all(|a| matches!(a, Expr::Literal(_)));
                if all_literal && call.params.is_none() && call.over.is_none() {
                    if call.name == "array" {
                        f.write_str("[")?;
                        write_list(f, &call.args)?;
                        return f.write_str("]");
                    }
                    if call.name == "tuple" && call.args.len() > 1 {
                        f.write_str("(")?;
                        write_list(f, &call.args)?;
                        return f.write_str(")");
                    }
                }
                write!(f, "{}", call.name)?;
                if call.distinct {
                    f.write_str("Distinct")?;
                }
                if let Some(p) = &call.params {
                    f.write_str("(")?;
                    write_list(f, p)?;
                    f.write_str(")")?;
                }
                f.write_str("(")?;
                write_list(f, &call.args)?;
                f.write_str(")")?;
                if let Some(w) = &call.over {
                    write!(f, " OVER {w}")?;
                }
                Ok(())
            }
            Expr::Cast { expr, type_name, syntax } => match syntax {
                CastSyntax::Function => write!(f, "CAST({expr}, '{type_name}')"),
                CastSyntax::Operator => write!(f, "CAST({expr}, '{type_name}')"),
            },
            Expr::Lambda { params, body } => {
                if params.len() == 1 {
                    write!(f, "lambda(tuple({}), {body})", params[0])
                } else {
                    write!(f, "lambda(tuple({}), {body})", params.join(", "))
                }
            }
            Expr::Subquery(_) => f.write_str("_subquery_1"),
            Expr::Alias { alias, .. } => f.write_str(alias),
            Expr::Parameter { name, type_name } => write!(f, "{{{name}:{type_name}}}"),
        }
    }
}

impl fmt::Display for WindowSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(base), true, true, true) =
            (&self.base, self.partition_by.is_empty(), self.order_by.is_empty(), self.frame.is_none())
        {
            return f.write_str(base);
        }
        let mut parts: Vec<String> = Vec::new();
        if let Some(b) = &self.base {
            parts.push(b.clone());
        }
        if !self.partition_by.is_empty() {
            let p: Vec<String> = self.partition_by.iter().map(|e| e.to_string()).collect();
            parts.push(format!("PARTITION BY {}", p.join(", ")));
        }
        if !self.order_by.is_empty() {
            let o: Vec<String> = self
                .order_by
                .iter()
                .map(|o| {
                    let mut t = o.expr.to_string();
                    if o.desc {
                        t.push_str(" DESC");
                    } else {
                        t.push_str(" ASC");
                    }
                    match o.nulls_first {
                        Some(true) => t.push_str(" NULLS FIRST"),
                        Some(false) => t.push_str(" NULLS LAST"),
                        None => {}
                    }
                    t
                })
                .collect();
            parts.push(format!("ORDER BY {}", o.join(", ")));
        }
        if let Some((rows, start, end)) = &self.frame {
            let b = |x: &FrameBound| match x {
                FrameBound::UnboundedPreceding => "UNBOUNDED PRECEDING".to_string(),
                FrameBound::Preceding(e) => format!("{e} PRECEDING"),
                FrameBound::CurrentRow => "CURRENT ROW".to_string(),
                FrameBound::Following(e) => format!("{e} FOLLOWING"),
                FrameBound::UnboundedFollowing => "UNBOUNDED FOLLOWING".to_string(),
            };
            parts.push(format!("{} BETWEEN {} AND {}", if *rows { "ROWS" } else { "RANGE" }, b(start), b(end)));
        }
        write!(f, "({})", parts.join(" "))
    }
}
