import { LoginRoute } from './routes/auth/login';
import { RegisterRoute } from './routes/auth/register';
import { AuthLayout } from './routes/auth/layout';
import { AppRoot } from './routes/app/root';
import { DashboardRoute } from './routes/app/dashboard';
import { EventsRoute } from './routes/app/events';
import { NewEventRoute } from './routes/app/new-event';
import { EventWizardRoute } from './routes/app/event-wizard';
import { EventDetailRoute } from './routes/app/event-detail';
import { PublicEventRoute } from './routes/public-event';
import { NotFoundRoute } from './routes/not-found';

export const routes = [
  {
    element: <AuthLayout />,
    children: [
      { path: '/login', element: <LoginRoute /> },
      { path: '/register', element: <RegisterRoute /> },
    ],
  },
  {
    element: <AppRoot />,
    children: [
      { index: true, element: <DashboardRoute /> },
      { path: 'events', element: <EventsRoute /> },
      { path: 'events/new', element: <NewEventRoute /> },
      { path: 'events/:eventId/wizard/:step?', element: <EventWizardRoute /> },
      { path: 'events/:eventId', element: <EventDetailRoute /> },
    ],
  },
  { path: '/e/:eventId', element: <PublicEventRoute /> },
  { path: '*', element: <NotFoundRoute /> },
];
