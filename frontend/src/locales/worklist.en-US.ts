import type { worklistZhCN } from './worklist.zh-CN';

export const worklistEnUS: Record<keyof typeof worklistZhCN, string> = {
  'todo.label': 'To do',
  'todo.turning_red': 'Turning red',
  'todo.overdue': 'Follow-up overdue',
  'todo.unread': 'Unread comments',
  'todo.answered': 'Questions answered',
  'todo.decided': 'Decisions received',
  'todo.hint.turning_red': 'Protection is about to end (red on the home page): apply for an extension before the deadline',
  'todo.hint.overdue': 'No follow-up report within the follow-up interval',
  'todo.hint.unread': 'The manufacturer commented and you have not read it yet',
  'todo.hint.answered': 'The manufacturer answered a question in the last {days} days',
  'todo.hint.decided': 'A registration or extension was decided in the last {days} days',
  'todo.toggleOff': 'Click again to clear this filter',
  'todo.empty.turning_red': 'No customer is about to run out of protection.',
  'todo.empty.overdue': 'Every customer was followed up in time.',
  'todo.empty.unread': 'You have read every comment.',
  'todo.empty.answered': 'No new answers in the last {days} days.',
  'todo.empty.decided': 'No new decisions in the last {days} days.',

  'home.filters': 'Filters',
  'home.filterSalesperson': 'Salesperson',
  'home.filterStage': 'Project status',
  'home.menuHintTouch': 'Long-press a customer or tap “⋯” for its menu',
  'people.inactiveSuffix': ' (deactivated)',

  'reassign.button': 'Reassign',
  'reassign.title': 'Reassign customers',
  'reassign.intro':
    'When a salesperson leaves or changes duties, hand their customers to other salespeople of your company: the customers are dealt to the chosen salespeople in turn, and the whole action is one audit entry.',
  'reassign.scope': 'Which customers',
  'reassign.scope.selected': 'The {count} ticked customers',
  'reassign.scope.from': 'All customers of one person',
  'reassign.from': 'From',
  'reassign.fromCount': 'Holds {count} pending or protected customers',
  'reassign.to': 'To salespeople',
  'reassign.toHint': 'Choose several to deal the customers out in turn.',
  'reassign.summary': '{count} customers go to: {names}',
  'reassign.confirm': 'Reassign',
  'reassign.done': '{count} customers reassigned',
  'reassign.required': 'Required',

  'pool.readonly': 'You may browse the pool; applications are made by salespeople and the master account.',
  'pool.cooldown': 'Your company released this customer: you may apply again after {date}',
  'pool.cooldownShort': 'from {date}',

  'extension.refusal.pending': 'An extension application is already waiting for the manufacturer',
};
