// English strings of the order desk; the same keys as orders.zh-CN.ts.
import type { ordersZhCN } from './orders.zh-CN';

export const ordersEnUS: Record<keyof typeof ordersZhCN, string> = {
  'orders.nav': 'Order desk',
  'orders.title': 'Order desk',
  'orders.subtitle': 'Enter and find sales orders across customers; trace a batch to its customers',
  'orders.tab.entry': "Today's entry",
  'orders.tab.list': 'Find orders',
  'orders.tab.trace': 'Batch trace',

  'orders.entry.title': 'Enter an order',
  'orders.entry.customer': 'Customer',
  'orders.entry.customerPlaceholder': 'Type to search a customer, Enter to pick',
  'orders.entry.customerHint': 'Pick the customer, then Enter moves through order number, date, project, quantity and batches; Ctrl+Enter saves and returns to the customer.',
  'orders.entry.pickCustomer': 'Pick a protected customer to start',
  'orders.entry.today': 'Orders entered today',
  'orders.entry.todayEmpty': 'No orders entered today yet',

  'orders.list.orderNumber': 'Order number (whole or start)',
  'orders.list.batch': 'Batch number (whole or start)',
  'orders.list.customer': 'Customer',
  'orders.list.model': 'MCU model',
  'orders.list.dates': 'Contract date',
  'orders.list.empty': 'No orders match',
  'orders.list.batches': 'Batches',
  'orders.list.enteredBy': 'Entered by',

  'orders.trace.batch': 'Batch number',
  'orders.trace.placeholder': 'A batch number (whole or start), Enter to search',
  'orders.trace.search': 'Search',
  'orders.trace.hint': 'Every customer that received the batch, with orders and units.',
  'orders.trace.empty': 'No customer received this batch',
  'orders.trace.summary': '{count} customers received batch {batch}',
  'orders.trace.firstDate': 'First contract date',
  'orders.trace.lastDate': 'Last contract date',
  'orders.trace.orders': 'Order numbers',
};
