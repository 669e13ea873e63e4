import '@tanstack/react-table'

declare module '@tanstack/react-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the generics must match the library's declaration
  interface ColumnMeta<TData, TValue> {
    /** Extra classes for the column's cells. */
    className?: string
    /** What a short header stands for, shown as its tooltip. */
    headerTitle?: string
  }
}
