import type { ApplicationStatus, CustomerStatus } from '../client';

export const CUSTOMER_STATUSES: CustomerStatus[] = ['pending', 'protected', 'released', 'rejected', 'withdrawn'];
export const APPLICATION_STATUSES: ApplicationStatus[] = ['pending', 'approved', 'rejected', 'withdrawn'];
