// Tables of the console: React Aria's Table (a keyboard-navigable grid with row and column headers), one page of the
// server's cursor paging at a time, so 10,000 rows cost what 50 do.
import { useState, type ReactNode } from 'react';
import { Cell, Column, Row, Table, TableBody, TableHeader } from 'react-aria-components';
import { t } from '../i18n';
import { Button } from './Button';

export interface ColumnDef<T> {
  id: string;
  name: string;
  render(row: T): ReactNode;
  isRowHeader?: boolean;
}

export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  onRowAction,
}: {
  label: string;
  columns: ColumnDef<T>[];
  rows: T[];
  rowKey(row: T): string;
  empty?: ReactNode;
  onRowAction?(key: string): void;
}) {
  return (
    <div className="table-wrap">
      <Table aria-label={label} className="table" onRowAction={onRowAction ? (k) => onRowAction(String(k)) : undefined}>
        <TableHeader>
          {columns.map((c, i) => (
            <Column key={c.id} id={c.id} isRowHeader={c.isRowHeader ?? i === 0}>
              {c.name}
            </Column>
          ))}
        </TableHeader>
        <TableBody renderEmptyState={() => <p className="empty">{empty ?? t('common.empty')}</p>}>
          {rows.map((row) => (
            <Row key={rowKey(row)} id={rowKey(row)}>
              {columns.map((c) => (
                <Cell key={c.id}>{c.render(row)}</Cell>
              ))}
            </Row>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * Cursor paging as the admin API does it: the cursors of the pages seen so far, so "previous" goes back without the
 * server keeping state. `reset` starts again (a new search or filter).
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  return {
    cursor,
    page: cursors.length,
    next: (c: string) => setCursors((cs) => [...cs, c]),
    previous: () => setCursors((cs) => (cs.length > 1 ? cs.slice(0, -1) : cs)),
    reset: () => setCursors([undefined]),
  };
}

export function Pager({ pages, nextCursor }: { pages: ReturnType<typeof useCursorPages>; nextCursor: string | null | undefined }) {
  return (
    <nav className="pager" aria-label={t('common.actions')}>
      <Button isDisabled={pages.page === 1} onPress={pages.previous}>
        {t('common.previous')}
      </Button>
      <span aria-live="polite">{pages.page}</span>
      <Button isDisabled={!nextCursor} onPress={() => nextCursor && pages.next(nextCursor)}>
        {t('common.next')}
      </Button>
    </nav>
  );
}
