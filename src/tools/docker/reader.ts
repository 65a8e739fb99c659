import type Docker from 'dockerode';

/**
 * The engine as planning sees it: lists and inspections, nothing that creates, changes or removes.
 * `prepare` steps (converting running containers to Terraform) read the engine through this.
 */
export interface DockerReader {
  listContainers(options?: Docker.ContainerListOptions): Promise<Docker.ContainerInfo[]>;
  inspectContainer(id: string): Promise<Docker.ContainerInspectInfo>;
  inspectImage(id: string): Promise<Docker.ImageInspectInfo>;
  inspectNetwork(name: string): Promise<Docker.NetworkInspectInfo>;
  inspectVolume(name: string): Promise<Docker.VolumeInspectInfo>;
}

export function dockerReader(docker: Docker): DockerReader {
  return {
    listContainers: (options) => docker.listContainers(options),
    inspectContainer: (id) => docker.getContainer(id).inspect(),
    inspectImage: (id) => docker.getImage(id).inspect(),
    inspectNetwork: (name) => docker.getNetwork(name).inspect(),
    inspectVolume: (name) => docker.getVolume(name).inspect(),
  };
}
